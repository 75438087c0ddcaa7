package cn.lyg.xilian.email.view;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.SignInLinkNotice;

import java.time.format.DateTimeFormatter;

/** The sign-in link a unit asked for (templates {@code signin.jte}): the link, until when it works, where it leads. */
public record SignInLinkMail(SignInLinkNotice notice, MailLinks links) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(PlanTime.ZONE);

    public String subject() {
        return "锡连帮扶合作进度通：" + notice.unitName() + "的登录链接";
    }

    public String link() {
        return links.signIn(notice.token(), notice.returnPath());
    }

    public String expires() {
        return DATE.format(notice.expiresAt());
    }

    /** Where the link leads after signing in, in words. */
    public String destination() {
        String p = notice.returnPath();
        if (p != null && p.startsWith("/tasks/")) {
            return "任务" + p.substring("/tasks/".length()).split("\\?")[0] + "的填报页面";
        }
        return "我的任务";
    }
}
