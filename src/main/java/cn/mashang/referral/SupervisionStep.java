package cn.mashang.referral;

import cn.mashang.concern.ConcernEventType;
import cn.mashang.sla.SlaSegment;

/**
 * An automatic supervision step of a missed referral deadline, each once per referral, clock and deadline
 * (referral_notice): URGE — 催办 to the department; REPORT — 通报 to the committee (the region's admins).
 */
enum SupervisionStep {
    URGE(ConcernEventType.URGED, "催办"), REPORT(ConcernEventType.REPORTED, "通报");

    final ConcernEventType event;
    final String label;

    SupervisionStep(ConcernEventType event, String label) {
        this.event = event;
        this.label = label;
    }

    String text(SlaSegment segment, String department, String deadline, int days) {
        String what = segment == SlaSegment.SIGN ? "签收" : "答复";
        return this == URGE
                ? "系统催办：" + department + "未在期限 " + deadline + " 前" + what + "，请尽快" + what + "。"
                : "系统通报：" + department + "超过" + what + "期限 " + deadline + " 已 " + days + " 个工作日，已通报人大常委会。";
    }
}
