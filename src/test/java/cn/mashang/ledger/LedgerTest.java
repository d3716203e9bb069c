package cn.mashang.ledger;

import cn.mashang.Db;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.common.Times;
import cn.mashang.concern.Intake;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/regions/{id}/ledger.xlsx|csv: the files open in a spreadsheet reader (POI's XSSFWorkbook; a CSV
 * parser) with the header row, one row per concern of the region's tree received in the period, the right cells,
 * and no mobile anywhere. Pages of 7 rows and walk steps of 5 index entries (properties below) make even the demo
 * city's ledger cross many keyset pages. The client waits up to 60 s: a first .xlsx loads POI (seconds on a busy machine).
 */
@MicronautTest(transactional = false)
@Property(name = "ledger.page", value = "7")
@Property(name = "ledger.scan", value = "5")
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class LedgerTest {
    private static final Pattern MOBILE = cn.mashang.security.PiiLedger.MOBILE;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    BlockingHttpClient client;
    String marker;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        marker = "台账" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String submitAtShuitou(String content) {
        String code = (String) client.retrieve(HttpRequest.GET("/api/v1/stations/" + ids.station(DemoIds.SHUITOU)), MAP).get("code");
        return (String) Intake.submit(client, Intake.withContact(Intake.body(code, content))).get("trackingNo");
    }

    private HttpResponse<byte[]> ledger(String login, long region, String ext, String query) {
        return client.exchange(HttpRequest.GET("/api/v1/regions/" + region + "/ledger." + ext + query)
                .bearerAuth(Logins.token(client, login)), byte[].class);
    }

    private static String today() {
        return LocalDate.now(Times.ZONE).toString();
    }

    /** Concerns of the region's tree received today (Asia/Shanghai): what the ledger must hold. */
    private long expectedToday(long region) {
        var start = LocalDate.now(Times.ZONE).atStartOfDay(Times.ZONE).toInstant();
        return Db.count(tx, "SELECT COUNT(*) FROM concern c JOIN region r ON r.id = c.region_id WHERE r.path LIKE"
                        + " CONCAT((SELECT path FROM region WHERE id = ?), '%') AND c.created_at >= ? AND c.created_at < ?",
                region, Timestamp.from(start), Timestamp.from(start.plusSeconds(86400)));
    }

    private static List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("台账", s.getSheetName());
            for (Row r : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < LedgerRow.HEADERS.size(); i++) {
                    Cell c = r.getCell(i);
                    cells.add(c == null ? "" : f.formatCellValue(c));
                }
                out.add(cells);
            }
        }
        return out;
    }

    /** RFC 4180: quoted cells with doubled quotes and line breaks inside. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        return rows;
    }

    private static List<String> rowOf(List<List<String>> rows, String trackingNo) {
        return rows.stream().filter(r -> r.get(0).equals(trackingNo)).findFirst().orElseThrow(() -> new AssertionError(trackingNo));
    }

    @Test
    void theXlsxOpensInPoiWithTheHeaderRowAndOneRowPerConcernOfTheCountyReceivedInThePeriod() throws Exception {
        String no = submitAtShuitou("路口积水严重" + marker);
        long county = ids.region("交口县");
        HttpResponse<byte[]> r = ledger("jiaokou-admin", county, "xlsx", "?from=" + today() + "&to=" + today());
        assertEquals(LedgerController.XLSX, r.getContentType().orElseThrow().toString());
        assertTrue(r.header("Content-Disposition").contains("filename*=UTF-8''"), r.header("Content-Disposition"));
        List<List<String>> rows = sheet(r.body());
        assertEquals(LedgerRow.HEADERS, rows.get(0));
        assertEquals(expectedToday(county), rows.size() - 1);
        List<String> mine = rowOf(rows, no);
        assertEquals(DemoIds.SHUITOU, mine.get(6));
        assertEquals("生活环境", mine.get(8));
        assertEquals("路口积水严重" + marker, mine.get(9));
        assertEquals("待受理", mine.get(10));
        assertEquals("未办结", mine.get(15));
        assertTrue(mine.get(1).startsWith(today()), mine.get(1));
        assertFalse(mine.get(14).isEmpty(), "the resolution deadline");
    }

    @Test
    void theCsvHasTheSameColumnsAndRowsAndTheCityLedgerHoldsTheCountysRows() {
        String no = submitAtShuitou("垃圾清运不及时" + marker);
        long city = ids.region("吕梁市");
        HttpResponse<byte[]> r = ledger("lvliang-admin", city, "csv", "?from=" + today());
        assertEquals("text/csv;charset=utf-8", r.getContentType().orElseThrow().toString());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte-order mark for Excel");
        List<List<String>> rows = csv(text.substring(1));
        assertEquals(LedgerRow.HEADERS, rows.get(0));
        assertEquals(expectedToday(city), rows.size() - 1);
        assertTrue(rows.stream().skip(1).allMatch(x -> x.size() == LedgerRow.HEADERS.size()));
        assertEquals("垃圾清运不及时" + marker, rowOf(rows, no).get(9));
        assertEquals(Db.text(tx, "SELECT r.name FROM concern c JOIN region r ON r.id = c.region_id WHERE c.tracking_no = ?", no),
                rowOf(rows, no).get(5), "the concern's region");
    }

    @Test
    void noCellOfEitherFileHoldsAMobileNotEvenOneTheResidentTypedIntoTheContent() throws Exception {
        String no = submitAtShuitou("请回电 13912345678 或 0358-1234567，身份证 142301199001011234" + marker);
        long county = ids.region("交口县");
        String q = "?from=" + today() + "&to=" + today();
        List<List<String>> x = sheet(ledger("jiaokou-admin", county, "xlsx", q).body());
        String c = new String(ledger("jiaokou-admin", county, "csv", q).body(), StandardCharsets.UTF_8);
        for (List<String> row : x) {
            for (String cell : row) {
                assertFalse(MOBILE.matcher(cell).find(), cell);
            }
        }
        assertFalse(MOBILE.matcher(c).find(), "CSV");
        assertFalse(c.contains(Intake.MOBILE) || c.contains("138****5678") || c.contains("张三"), "the contact never");
        assertEquals("请回电 139****5678 或 0358-12****67，身份证 142****1234" + marker, rowOf(x, no).get(9));
    }

    @Test
    void onlyAnAdminOfTheRegionOrAboveGetsItAnotherCountyGets404() {
        long county = ids.region("交口县");
        for (String ext : List.of("xlsx", "csv")) {
            assertEquals(200, ledger("jiaokou-admin", county, ext, "").code());
            assertEquals(200, ledger("lvliang-admin", county, ext, "").code());
            assertEquals(200, ledger("shanxi-admin", county, ext, "").code());
            for (String other : List.of("lishi-admin", "datong-admin")) {
                problem(client, HttpRequest.GET("/api/v1/regions/" + county + "/ledger." + ext)
                        .bearerAuth(Logins.token(client, other)), 404);
            }
            problem(client, HttpRequest.GET("/api/v1/regions/" + county + "/ledger." + ext)
                    .bearerAuth(Logins.token(client, "head-shuitou")), 403);
            problem(client, HttpRequest.GET("/api/v1/regions/999999/ledger." + ext)
                    .bearerAuth(Logins.token(client, "shanxi-admin")), 404);
        }
    }

    @Test
    void badDatesAndUnknownParametersAnswer400NamingTheParameter() {
        long county = ids.region("交口县");
        String token = Logins.token(client, "jiaokou-admin");
        Map<String, String> cases = Map.of(
                "?from=2026-13-01", "from",
                "?to=yesterday", "to",
                "?from=2026-06-02&to=2026-06-01", "from",
                "?from=2025-01-01&to=2026-06-01", "to",
                "?from=1999-12-31", "from",
                "?region=1", "region");
        cases.forEach((query, field) -> {
            Map<String, Object> p = problem(client, HttpRequest.GET("/api/v1/regions/" + county + "/ledger.xlsx" + query)
                    .bearerAuth(token), 400);
            assertTrue(String.valueOf(p.get("detail")).startsWith(field), query + " → " + p);
        });
    }

    @Test
    void theDefaultPeriodIsTheYearToDateAndAnEmptyLedgerStillHasItsHeader() throws Exception {
        String no = submitAtShuitou("默认期间" + marker);
        List<List<String>> empty = sheet(ledger("jiaokou-admin", ids.region("交口县"), "xlsx", "?from=2001-01-01&to=2001-01-31").body());
        assertEquals(List.of(LedgerRow.HEADERS), empty);
        List<List<String>> year = sheet(ledger("jiaokou-admin", ids.region("交口县"), "xlsx", "").body());
        assertEquals(no, rowOf(year, no).get(0));
        String header = ledger("jiaokou-admin", ids.region("交口县"), "csv", "").header("Content-Disposition");
        assertTrue(header.contains(java.net.URLEncoder.encode(LocalDate.now(Times.ZONE).withDayOfYear(1) + "至" + today(),
                StandardCharsets.UTF_8)), header);
    }

    @Test
    void aConcernMovesThroughItsStatesIntoTheLedgersColumns() {
        String no = submitAtShuitou("列检查" + marker);
        Db.sql(tx, "UPDATE concern SET state = 'CLOSED', rating = 'SATISFIED', outcome = 'SOLVED', first_response_at = created_at,"
                + " resolved_at = created_at, closed_at = created_at WHERE tracking_no = ?", no);
        List<List<String>> rows = csv(new String(ledger("jiaokou-admin", ids.region("交口县"), "csv", "?from=" + today())
                .body(), StandardCharsets.UTF_8).substring(1));
        List<String> mine = rowOf(rows, no);
        assertEquals("已评价", mine.get(10));
        assertEquals("按期", mine.get(15));
        assertEquals("已解决", mine.get(16));
        assertEquals("满意", mine.get(17));
        assertEquals(mine.get(1), mine.get(3), "resolved at receipt");
    }

    @Test
    void withoutATokenTheLedgerAnswers401() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.exchange(HttpRequest.GET("/api/v1/regions/" + ids.region("交口县") + "/ledger.csv"), byte[].class));
        assertEquals(401, e.getStatus().getCode());
    }
}
