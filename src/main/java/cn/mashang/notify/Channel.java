package cn.mashang.notify;

/**
 * Where a notification goes: a WeCom (企业微信) group robot, a DingTalk (钉钉) group robot, the log (development),
 * a resident's phone by SMS (the target is a reference such as {@code concern:42}, never a number), or a resident's
 * WeChat (一次性订阅消息 of the official account, cn.mashang.wechat; target {@code concern:<id>}), or, in development
 * only, the in-memory inbox that stands in for SMS (cn.mashang.resident.message.DevInboxChannel).
 */
public enum Channel {
    WECOM, DINGTALK, LOG, SMS, WECHAT, DEV
}
