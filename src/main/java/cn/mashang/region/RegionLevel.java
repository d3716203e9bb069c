package cn.mashang.region;

/** 市 / 县(区) / 乡镇(街道) / 村(社区). */
public enum RegionLevel {
    CITY, COUNTY, TOWNSHIP, VILLAGE
}
