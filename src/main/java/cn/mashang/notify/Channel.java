package cn.mashang.notify;

/**
 * Where a notification goes: a WeCom (企业微信) group robot, a DingTalk (钉钉) group robot, the log (development),
 * or a resident's phone by SMS (issue 19; the target is a reference such as {@code concern:42}, never a number).
 */
public enum Channel {
    WECOM, DINGTALK, LOG, SMS
}
