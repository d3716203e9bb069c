package cn.mashang.demo;

import java.util.List;

/**
 * The demo city: 吕梁市, from the facts of the source reports (DESIGN.md §1) — the nine professional
 * stations of 2021 with their towns, community stations of 离石区 and 孝义 信义镇, and 交口县's
 * 片区 stations that receive residents every month on the 5th. Deputies are invented.
 */
final class DemoCity {
    private DemoCity() {
    }

    /** county, division code, townships (each "township:village,village"). */
    record County(String name, String code, List<String> townships) {
    }

    /** station: county, township (nullable), village (nullable), name, type, industry, address, reception, kind */
    record StationSpec(String county, String township, String village, String name, boolean industry,
                       String industryName, String address, String reception, boolean point) {
    }

    record DeputySpec(String name, String gender, String levels, String unit, String occupation, String county) {
    }

    static final List<County> COUNTIES = List.of(
            new County("离石区", "141102", List.of("凤山街道:和平社区", "滨河街道:新华街社区", "城北街道:沙麻沟社区", "莲花池街道:龙山社区")),
            new County("孝义市", "141181", List.of("新义街道", "信义镇")),
            new County("汾阳市", "141182", List.of("杏花村镇")),
            new County("兴县", "141123", List.of("蔚汾镇")),
            new County("柳林县", "141125", List.of("柳林镇")),
            new County("交城县", "141122", List.of("天宁镇")),
            new County("临县", "141124", List.of("临泉镇")),
            new County("岚县", "141129", List.of("东村镇")),
            new County("交口县", "141130", List.of("水头镇", "桃红坡镇", "回龙镇")));

    static final String MONTHLY_5TH = "每月5日上午9:00—12:00 接待日";
    static final String HOURS = "工作日 8:30—12:00，14:30—17:30";

    static final List<StationSpec> STATIONS = List.of(
            new StationSpec("孝义市", "新义街道", null, "吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", true, "清洁能源",
                    "孝义市新义街道梧桐工业园区综合楼二层", "每月第一个周三 接待日", false),
            new StationSpec("离石区", null, null, "吕梁市数谷吕梁大数据人大代表联络站", true, "大数据",
                    "离石区吕梁经济技术开发区数谷大厦三层", "每月第二个周四 接待日", false),
            new StationSpec("汾阳市", "杏花村镇", null, "吕梁市清香型白酒基地人大代表联络站", true, "清香型白酒",
                    "汾阳市杏花村镇酒都大道18号", "每月10日 接待日", false),
            new StationSpec("兴县", "蔚汾镇", null, "吕梁市铝镁和特钢基地人大代表联络站", true, "铝镁和特钢",
                    "兴县蔚汾镇工业园区管委会一层", null, false),
            new StationSpec("柳林县", "柳林镇", null, "吕梁市煤炭清洁高效利用基地人大代表联络站", true, "煤炭清洁高效利用",
                    "柳林县柳林镇青龙街56号", null, false),
            new StationSpec("交城县", "天宁镇", null, "吕梁市新型煤化工基地人大代表联络站", true, "新型煤化工",
                    "交城县天宁镇夏家营化工园区服务中心", null, false),
            new StationSpec("临县", "临泉镇", null, "吕梁市黄河板块旅游基地人大代表联络站", true, "黄河板块旅游",
                    "临县临泉镇碛口古镇游客服务中心二层", "每月15日 接待日", false),
            new StationSpec("岚县", "东村镇", null, "吕梁市名特优功能食品基地人大代表联络站", true, "名特优功能食品",
                    "岚县东村镇马铃薯产业园综合楼", null, false),
            new StationSpec("离石区", null, null, "吕梁市大健康基地人大代表联络站", true, "大健康",
                    "离石区永宁中路康养服务中心四层", null, false),
            new StationSpec("离石区", "凤山街道", "和平社区", "离石区凤山街道和平社区人大代表联络站", false, null,
                    "离石区凤山街道和平社区党群服务中心一层", "每周三下午 接待日", false),
            new StationSpec("离石区", "滨河街道", "新华街社区", "离石区新华街社区人大代表联络站", false, null,
                    "离石区滨河街道新华街社区服务中心", "每月5日 接待日", false),
            new StationSpec("离石区", "城北街道", "沙麻沟社区", "离石区城北街道沙麻沟社区人大代表联络点", false, null,
                    "离石区城北街道沙麻沟社区居委会", null, true),
            new StationSpec("孝义市", "信义镇", null, "孝义市信义镇人大代表联络站", false, null,
                    "孝义市信义镇人民政府院内东侧", "每月5日 接待日", false),
            new StationSpec("交口县", "水头镇", null, "交口县水头片区人大代表联络站", false, null,
                    "交口县水头镇便民服务中心二层", MONTHLY_5TH, false),
            new StationSpec("交口县", "桃红坡镇", null, "交口县桃红坡片区人大代表联络站", false, null,
                    "交口县桃红坡镇党群服务中心", MONTHLY_5TH, false),
            new StationSpec("交口县", "回龙镇", null, "交口县回龙片区人大代表联络站", false, null,
                    "交口县回龙镇人民政府一层", MONTHLY_5TH, false));

    static final List<DeputySpec> DEPUTIES = List.of(
            new DeputySpec("王建华", "男", "PROVINCE,CITY", "孝义市某新型煤化工有限公司", "企业负责人", "孝义市"),
            new DeputySpec("李晓梅", "女", "CITY", "吕梁经济技术开发区数谷大数据产业园", "技术总监", "离石区"),
            new DeputySpec("张志刚", "男", "NATIONAL", "汾阳市杏花村镇酒业合作社", "酿酒师", "汾阳市"),
            new DeputySpec("赵玉兰", "女", "CITY,COUNTY", "兴县铝镁新材料有限公司", "工程师", "兴县"),
            new DeputySpec("刘国庆", "男", "PROVINCE", "柳林县煤炭清洁利用研究所", "研究员", "柳林县"),
            new DeputySpec("陈海燕", "女", "CITY", "交城县化工园区管委会", "主任", "交城县"),
            new DeputySpec("杨文斌", "男", "CITY,COUNTY", "临县碛口古镇旅游开发公司", "经理", "临县"),
            new DeputySpec("孙丽娟", "女", "COUNTY", "岚县马铃薯种植专业合作社", "理事长", "岚县"),
            new DeputySpec("周建军", "男", "CITY", "吕梁市人民医院", "医生", "离石区"),
            new DeputySpec("吴秀英", "女", "COUNTY,TOWNSHIP", "离石区凤山街道和平社区居委会", "社区书记", "离石区"),
            new DeputySpec("郑海涛", "男", "COUNTY", "离石区新华街社区居委会", "社区主任", "离石区"),
            new DeputySpec("冯桂芳", "女", "TOWNSHIP", "离石区城北街道沙麻沟社区居委会", "网格员", "离石区"),
            new DeputySpec("韩振宇", "男", "COUNTY,TOWNSHIP", "孝义市信义镇农业服务中心", "农技员", "孝义市"),
            new DeputySpec("曹红梅", "女", "COUNTY", "交口县水头镇中心学校", "教师", "交口县"),
            new DeputySpec("彭志强", "男", "COUNTY,TOWNSHIP", "交口县桃红坡镇卫生院", "院长", "交口县"),
            new DeputySpec("田凤英", "女", "TOWNSHIP", "交口县回龙镇某村村民委员会", "村委会主任", "交口县"),
            new DeputySpec("高鹏飞", "男", "PROVINCE,COUNTY", "孝义市某焦化集团", "工程师", "孝义市"),
            new DeputySpec("林静", "女", "CITY", "吕梁学院计算机系", "教授", "离石区"),
            new DeputySpec("马永强", "男", "COUNTY", "汾阳市杏花村镇人民政府", "干部", "汾阳市"),
            new DeputySpec("郭小娟", "女", "COUNTY", "兴县蔚汾镇某村", "种植户", "兴县"),
            new DeputySpec("何立新", "男", "CITY", "柳林县某煤业公司", "安全员", "柳林县"),
            new DeputySpec("罗春花", "女", "COUNTY", "交城县天宁镇卫生院", "护士长", "交城县"),
            new DeputySpec("梁志远", "男", "TOWNSHIP", "临县临泉镇某村", "村党支部书记", "临县"),
            new DeputySpec("宋丽华", "女", "COUNTY", "岚县东村镇中心校", "教师", "岚县"),
            new DeputySpec("谢国平", "男", "CITY", "吕梁市中医院", "医生", "离石区"),
            new DeputySpec("唐美玲", "女", "TOWNSHIP", "离石区凤山街道某物业公司", "物业经理", "离石区"),
            new DeputySpec("许建国", "男", "COUNTY", "离石区滨河街道某个体商户", "个体工商户", "离石区"),
            new DeputySpec("邓小平安", "男", "TOWNSHIP", "离石区城北街道某运输公司", "司机", "离石区"),
            new DeputySpec("于海霞", "女", "TOWNSHIP", "孝义市信义镇某村", "妇联主席", "孝义市"),
            new DeputySpec("董文华", "男", "TOWNSHIP", "交口县水头镇某村", "村民", "交口县"),
            new DeputySpec("袁秀珍", "女", "TOWNSHIP", "交口县桃红坡镇某村", "合作社社员", "交口县"),
            new DeputySpec("蒋志明", "男", "COUNTY", "交口县回龙镇农机站", "站长", "交口县"),
            new DeputySpec("蔡淑芬", "女", "CITY,COUNTY", "孝义市某新能源公司", "财务总监", "孝义市"),
            new DeputySpec("贾卫东", "男", "PROVINCE", "吕梁市某大数据公司", "总经理", "离石区"),
            new DeputySpec("丁春燕", "女", "COUNTY", "汾阳市某酒厂", "质检员", "汾阳市"),
            new DeputySpec("魏建军", "男", "CITY", "兴县某特钢公司", "车间主任", "兴县"),
            new DeputySpec("薛红霞", "女", "COUNTY", "临县某民宿", "经营者", "临县"),
            new DeputySpec("叶青山", "男", "TOWNSHIP", "岚县东村镇某村", "种植大户", "岚县"),
            new DeputySpec("闫志华", "男", "CITY,COUNTY", "吕梁市某康养中心", "负责人", "离石区"),
            new DeputySpec("任晓燕", "女", "COUNTY", "交城县某化工公司", "环保专员", "交城县"));

    static final List<String> DEPARTMENTS = List.of("住房和城乡建设局", "交通运输局", "生态环境局", "教育局",
            "卫生健康局", "城市管理局", "民政局", "人力资源和社会保障局", "自然资源局", "农业农村局");

    /** What the living demo's residents write (LivingDemo). */
    static final List<String> CONCERNS = List.of(
            "小区东门的路灯坏了两周，晚上出行很不方便，希望尽快修复。",
            "园区门口的道路坑洼严重，下雨天积水，车辆经过溅水。",
            "企业用电报装手续复杂，跑了三趟还没办下来，希望简化流程。",
            "村里的自来水最近经常停水，也没有提前通知。",
            "学校门口上下学时段车辆乱停，孩子过马路很危险。",
            "小区垃圾清运不及时，夏天气味很大。",
            "公交车班次太少，等车经常要四十分钟以上。",
            "建议在社区增设老年人日间照料中心。",
            "煤化工园区附近夜间有异味，担心影响身体健康。",
            "农村道路硬化工程停工半年，希望尽快复工。",
            "医保异地结算办理不便，希望能在网上办理。",
            "楼道里电动车充电，存在消防隐患。",
            "农产品销路不畅，希望政府帮助对接销售渠道。",
            "小区加装电梯的审批进度很慢，希望加快。",
            "菜市场周边占道经营，交通拥堵。",
            "新建小区的配套幼儿园迟迟没有开园。");
}
