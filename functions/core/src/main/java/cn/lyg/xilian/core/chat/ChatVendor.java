package cn.lyg.xilian.core.chat;

/** The group-chat robots an office may use, named as their users know them. */
public enum ChatVendor {
    WECOM("企业微信"),
    DINGTALK("钉钉"),
    FEISHU("飞书");

    private final String label;

    ChatVendor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
