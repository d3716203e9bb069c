package cn.mashang.location;

/**
 * WGS-84 → GCJ-02 (国测局坐标, what AMap / 高德 and Tencent maps draw in): the published approximation (Krasovsky
 * ellipsoid offsets), accurate to a few metres; outside China the coordinates are unchanged. Stored coordinates stay
 * WGS-84 (what browsers and WeChat's getLocation type "wgs84" give); only the map links are converted.
 */
final class Gcj02 {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {
    }

    /** {lat, lng} in GCJ-02. */
    static double[] fromWgs84(double lat, double lng) {
        if (outsideChina(lat, lng)) {
            return new double[]{lat, lng};
        }
        double dLat = offsetLat(lng - 105.0, lat - 35.0);
        double dLng = offsetLng(lng - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[]{lat + dLat, lng + dLng};
    }

    static boolean outsideChina(double lat, double lng) {
        return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double offsetLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double offsetLng(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }

    /** An AMap marker link (uri.amap.com, opens the app or the mobile web map) for a WGS-84 point. */
    static String amapMarker(double lat, double lng, String name) {
        double[] g = fromWgs84(lat, lng);
        return String.format(java.util.Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s&src=mashang-lianluo",
                g[1], g[0], java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    }
}
