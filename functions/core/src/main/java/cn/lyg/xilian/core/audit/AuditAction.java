package cn.lyg.xilian.core.audit;

/** Every kind of action the trail records (操作留痕), with its Chinese label. */
public enum AuditAction {
    UNIT_ADDED("新增单位"),
    UNIT_EDITED("修改单位信息与联系人"),
    UNIT_DEACTIVATED("停用单位"),
    UNIT_REACTIVATED("启用单位"),
    LINK_ISSUED("签发登录链接"),
    LINK_ROTATED("更换登录链接"),
    LINK_REVOKED("撤销登录链接"),
    LINK_SENT("发送登录链接"),
    COORDINATOR_ADDED("新增统筹人员"),
    COORDINATOR_REMOVED("移除统筹人员"),
    REPORT_REVIEWED("审核填报"),
    EXTENSION_DECIDED("审批延期申请"),
    INSTRUCTION_ISSUED("下达督办意见"),
    ROBOT_SAVED("设置群机器人"),
    ROBOT_REMOVED("移除群机器人");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
