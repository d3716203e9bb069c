package cn.mashang.deputy;

/** The five levels of people's congress (五级人大代表): 全国 / 省 / 市 / 县 / 乡. */
public enum DeputyLevel {
    NATIONAL("全国人大代表"), PROVINCE("省人大代表"), CITY("市人大代表"), COUNTY("县人大代表"), TOWNSHIP("乡镇人大代表");

    private final String label;

    DeputyLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
