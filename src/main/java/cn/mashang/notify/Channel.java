package cn.mashang.notify;

/** Where a notification goes: a WeCom (企业微信) group robot, a DingTalk (钉钉) group robot, or the log (development). */
public enum Channel {
    WECOM, DINGTALK, LOG
}
