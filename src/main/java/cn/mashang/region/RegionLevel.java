package cn.mashang.region;

/** 省 / 市 / 县(区) / 乡镇(街道) / 村(社区). A deployment's root is a PROVINCE (several cities) or a single CITY. */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE
}
