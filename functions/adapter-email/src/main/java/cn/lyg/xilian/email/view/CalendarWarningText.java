package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.calendar.MissingCalendar;

import java.util.List;

/** The words about a missing holiday calendar: the coordinators' summary note and the operations warning. */
public final class CalendarWarningText {

    private CalendarWarningText() {
    }

    /** One paragraph for the top of the coordinators' Monday summary. */
    public static String forCoordinators(MissingCalendar m) {
        return (m.yearBegun() ? m.year() + "年已开始，但" : "") + m.year() + "年节假日安排（国务院办公厅放假调休通知）尚未载入系统。"
                + "载入前，系统按《全国年节及纪念日放假办法》推算法定假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节及周末补假），"
                + "调休上班日无法推算，预警邮件的发送日可能与实际安排相差一两个工作日。通知发布后，请联系系统运维人员载入。";
    }

    public static String operationsSubject(MissingCalendar m) {
        return "【运维提醒】" + m.year() + "年节假日安排尚未载入";
    }

    public static List<String> forOperations(MissingCalendar m) {
        return List.of(
                "运维人员：",
                "锡连帮扶合作进度通的数据表中还没有" + m.year() + "年的节假日安排"
                        + (m.yearBegun() ? "，而" + m.year() + "年已经开始。" : "。"),
                "在载入之前，预警扫描、周报和进度看板按《全国年节及纪念日放假办法》推算" + m.year()
                        + "年的法定假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节，以及逢周末的补假），"
                        + "调休上班日无法推算：预警可能在实际的调休上班日不发送、在延长的假期中发送。协调员的周一周报中也有此提示。",
                "《国务院办公厅关于" + m.year() + "年部分节假日安排的通知》发布后，请将全文保存为文本文件并载入（无需重新部署）：",
                "XILIAN_DYNAMODB_TABLE=<表名> XILIAN_DYNAMODB_REGION=<区域> infra/bin/load-calendar 通知全文.txt",
                "命令会逐行检查通知，无法识别的内容会连同行号一起报告，此时不会写入任何数据。详见 README 的“节假日安排”一节。");
    }
}
