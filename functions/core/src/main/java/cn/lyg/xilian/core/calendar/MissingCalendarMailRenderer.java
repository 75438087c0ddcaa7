package cn.lyg.xilian.core.calendar;

import cn.lyg.xilian.core.mail.OutgoingEmail;

import java.util.List;

/** Renders the warning to operations that a year's official calendar is missing, to MIME, once. */
public interface MissingCalendarMailRenderer {

    /** @param messageId without angle brackets; the same for a retry */
    OutgoingEmail render(MissingCalendar missing, List<String> to, String messageId);
}
