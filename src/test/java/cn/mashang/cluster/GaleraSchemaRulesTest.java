package cn.mashang.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Galera's rules, read from the migrations and the sources: every table has a primary key (rows without one are
 * replicated row by row with full scans and may diverge), InnoDB only, no LOCK TABLES and no GET_LOCK (neither is
 * replicated across nodes). The same checks against the migrated schema on a live cluster: deploy/cluster/drill.sh.
 */
class GaleraSchemaRulesTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)`?\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableCreatedByTheMigrationsHasAPrimaryKey() throws IOException {
        List<String> tables = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Path p : migrations()) {
            String sql = Files.readString(p).replaceAll("--[^\\n]*", "");
            Matcher m = CREATE.matcher(sql);
            while (m.find()) {
                String body = body(sql, m.end() - 1);
                tables.add(m.group(1));
                if (!body.toUpperCase(Locale.ROOT).contains("PRIMARY KEY")) {
                    without.add(p.getFileName() + ":" + m.group(1));
                }
            }
            assertTrue(!sql.toUpperCase(Locale.ROOT).matches("(?s).*DROP\\s+PRIMARY\\s+KEY.*"), p + " drops a primary key");
        }
        assertTrue(tables.size() >= 40, "found only " + tables.size() + " tables: is the parser broken?");
        assertEquals(List.of(), without, "tables without a primary key");
    }

    @Test
    void noMigrationUsesAnotherEngineThanInnoDbAndNoCodeLocksTables() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path p : migrations()) {
            Matcher m = Pattern.compile("ENGINE\\s*=\\s*(\\w+)", Pattern.CASE_INSENSITIVE).matcher(Files.readString(p));
            while (m.find()) {
                if (!m.group(1).equalsIgnoreCase("InnoDB")) {
                    bad.add(p.getFileName() + ": ENGINE=" + m.group(1));
                }
            }
        }
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), migrations().stream())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList()) {
                String text = Files.readString(p).toUpperCase(Locale.ROOT);
                if (text.contains("LOCK TABLES") || text.contains("GET_LOCK(")) {
                    bad.add(p + ": LOCK TABLES / GET_LOCK");
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> s = Files.list(MIGRATIONS)) {
            return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** The text between the parenthesis at {@code open} and its match. */
    private static String body(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return sql.substring(open, i);
            }
        }
        return sql.substring(open);
    }
}
