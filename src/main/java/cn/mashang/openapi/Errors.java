package cn.mashang.openapi;

import cn.mashang.common.Problem;

/** Texts of the documented error responses (constants, for the annotations of this package). */
final class Errors {
    static final String PROBLEM = Problem.CONTENT_TYPE;
    static final String E400 = "请求参数有误 / invalid parameter, body or field (`errors` lists the fields)";
    static final String E401 = "请先登录 / no valid bearer token (missing, expired, or revoked by logout or a "
            + "password change)";
    static final String E403 = "无权执行此操作 / the caller's role may not do this";
    static final String E404 = "未找到 / unknown, or outside the caller's scope (both look the same)";
    static final String E409 = "操作冲突 / conflicts with the current state (a name taken, a stale `version`, a state "
            + "that does not allow it)";
    static final String E413 = "提交内容过大 / body too large";
    static final String E415 = "不支持的内容类型 / wrong Content-Type";
    static final String E422 = "请求无法处理 / this Idempotency-Key was already used for a different body";
    static final String E429 = "操作过于频繁 / rate limit reached: wait Retry-After seconds";
    static final String E503 = "服务暂时不可用 / database unavailable: retry after Retry-After seconds";
    static final String RETRY_AFTER = "Seconds to wait before retrying";

    private Errors() {
    }
}
