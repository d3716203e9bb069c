package cn.mashang.notify;

/**
 * Where a notification goes: a WeCom (企业微信) group robot, a DingTalk (钉钉) group robot, the log (development),
 * or a resident's WeChat (一次性订阅消息 of the official account, cn.mashang.wechat; target {@code concern:<id>}).
 */
public enum Channel {
    WECOM, DINGTALK, LOG, WECHAT
}
