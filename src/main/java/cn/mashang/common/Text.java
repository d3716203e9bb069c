package cn.mashang.common;

/**
 * The one rule for text typed by anyone (JSON strings through {@link StrictTextDeserializer}, query values through
 * {@link QueryValueFilter}, CSV cells): no NUL or other C0/C1 control character except tab and line feed, no lone
 * UTF-16 surrogate, no Unicode non-character; carriage returns become line feeds (CR LF → LF), as browsers send
 * textareas. A violation is a 400 naming the field.
 */
public final class Text {
    private Text() {
    }

    /** The text normalised, or a 400 naming {@code field}. */
    public static String check(String field, String value) {
        if (value == null) {
            return null;
        }
        String problem = problem(value);
        if (problem != null) {
            throw ApiException.badField(field, problem);
        }
        return value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** What is wrong with the text, or null when it is acceptable. */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "含有不可见的控制字符";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return "含有无效的字符";
                    }
                    continue;
                }
                return "含有无效的字符（不成对的代理项）";
            }
            if (Character.isLowSurrogate(c)) {
                return "含有无效的字符（不成对的代理项）";
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
                return "含有无效的字符";
            }
        }
        return null;
    }
}
