package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.catalog.Plan;

/**
 * A read the viewer may not make or that names nothing: the use case's answer, which each adapter turns into
 * its own (HTTP 400/403/404 with the code and the Chinese message). One home for these codes and messages.
 */
public final class Refused extends RuntimeException {

    public enum Reason { BAD_REQUEST, FORBIDDEN, NOT_FOUND }

    private final Reason reason;
    private final String code;

    public Refused(Reason reason, String code, String message) {
        super(message, null, false, false); // an expected answer: no stack trace to fill
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    public static Refused unknownTask(String taskId) {
        return new Refused(Reason.NOT_FOUND, "UNKNOWN_TASK", Plan.noSuchTask(taskId));
    }

    public static Refused notResponsible(String taskId) {
        return new Refused(Reason.FORBIDDEN, "NOT_RESPONSIBLE", "本单位不是任务“" + taskId + "”的责任单位");
    }

    public static Refused unknownUnit(String unitId) {
        return new Refused(Reason.NOT_FOUND, "UNKNOWN_UNIT", "计划中没有单位“" + unitId + "”");
    }

    public static Refused otherUnit() {
        return new Refused(Reason.FORBIDDEN, "FORBIDDEN_UNIT", "只能查看本单位的任务");
    }

    public static Refused unknownYear(String year) {
        return new Refused(Reason.NOT_FOUND, "UNKNOWN_YEAR", "没有" + year + "年度的工作计划");
    }

    public static Refused coordinatorOnly() {
        return new Refused(Reason.FORBIDDEN, "COORDINATOR_ONLY", "仅市发改委统筹人员可查看全部任务");
    }

    public static Refused submissionNotFound() {
        return new Refused(Reason.NOT_FOUND, "SUBMISSION_NOT_FOUND", "未找到该填报记录");
    }

    public static Refused badFilter(String message) {
        return new Refused(Reason.BAD_REQUEST, "BAD_FILTER", message);
    }
}
