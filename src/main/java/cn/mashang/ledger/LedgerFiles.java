package cn.mashang.ledger;

import cn.mashang.common.Times;
import cn.mashang.dashboard.Csv;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The two formats of the ledger, written row by row as the walk delivers them ({@link LedgerRows}).
 * <ul>
 *   <li>.xlsx: POI's streaming {@link SXSSFWorkbook} keeps a window of {@value #WINDOW} rows in memory and flushes the
 *       rest to a gzip-compressed temporary file, which {@code write} copies into the response at the end; times are
 *       date cells; past Excel's 1,048,576 rows a sheet, the ledger goes on in 台账(2), …;</li>
 *   <li>CSV: UTF-8 with a byte-order mark (Excel), RFC 4180 quoting and the formula guard of the dashboards'
 *       {@link Csv#cell}; times as Asia/Shanghai text.</li>
 * </ul>
 */
final class LedgerFiles {
    static final int WINDOW = 100;
    /** Data rows per sheet: Excel's limit less the header row. */
    static final int ROWS_PER_SHEET = 1_048_575;
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LedgerFiles() {
    }

    /** A ledger being written: the walk calls {@link #row} per line, then {@link #finish} once. */
    interface Out extends LedgerRows.Sink {
        void finish() throws IOException;

        /** Frees what the file held (POI's temporary files), finished or not. */
        default void discard() {
        }
    }

    static Out xlsx(OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        CellStyle head = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        return new Out() {
            private SXSSFSheet sheet = sheet(1);
            private int rowNo = 1;
            private int sheets = 1;

            private SXSSFSheet sheet(int n) {
                SXSSFSheet s = wb.createSheet(n == 1 ? "台账" : "台账(" + n + ")");
                s.createFreezePane(0, 1);
                for (int i = 0; i < LedgerRow.WIDTHS.length; i++) {
                    s.setColumnWidth(i, LedgerRow.WIDTHS[i] * 256);
                }
                Row h = s.createRow(0);
                for (int i = 0; i < LedgerRow.HEADERS.size(); i++) {
                    Cell c = h.createCell(i);
                    c.setCellValue(LedgerRow.HEADERS.get(i));
                    c.setCellStyle(head);
                }
                return s;
            }

            @Override
            public void row(LedgerRow r) {
                if (rowNo > ROWS_PER_SHEET) {
                    sheet = sheet(++sheets);
                    rowNo = 1;
                }
                Row x = sheet.createRow(rowNo++);
                List<Object> cells = r.cells();
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = x.createCell(i);
                    if (v instanceof Instant t) {
                        c.setCellValue(local(t));
                        c.setCellStyle(date);
                    } else {
                        c.setCellValue(v.toString());
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                // POI closes the stream it writes to; the export ends the body itself, once, after the last byte
                wb.write(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
            }

            @Override
            public void discard() {
                wb.dispose();
                try {
                    wb.close();
                } catch (IOException ignored) {
                    // nothing left to free
                }
            }
        };
    }

    static Out csv(OutputStream out) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        try {
            w.write('\uFEFF');
            line(w, List.copyOf(LedgerRow.HEADERS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Out() {
            @Override
            public void row(LedgerRow r) throws IOException {
                line(w, r.cells());
            }

            @Override
            public void finish() throws IOException {
                w.flush();
            }
        };
    }

    private static void line(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Object v = cells.get(i);
            w.write(Csv.cell(v instanceof Instant t ? TEXT.format(local(t)) : v));
        }
        w.write("\r\n");
    }

    private static LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, Times.ZONE);
    }
}
