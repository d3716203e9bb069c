package cn.mashang.location;

/** Where a concern's place came from: the browser's position, WeChat's JS-SDK, or a community the resident picked. */
public enum LocationSource {
    BROWSER("手机定位"), WECHAT("微信定位"), COMMUNITY("所选小区/村");

    private final String label;

    LocationSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
