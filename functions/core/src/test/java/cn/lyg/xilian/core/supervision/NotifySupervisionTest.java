package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.mail.ContactDirectory;
import cn.lyg.xilian.core.mail.MailDeliveryException;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.progress.Review;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 22: a new 督办意见 and an extension's decision email the unit's registered addresses once each: the listener
 * hears each new one once (not a replay), and a second run of the notice sends nothing.
 */
class NotifySupervisionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
    private static final Plan PLAN = TwoUnitPlan.PLAN;
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "c");
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "g");

    private final InMemorySupervisionRepository store = new InMemorySupervisionRepository();
    private final List<Object> heard = new ArrayList<>();
    private final Supervise supervise = new Supervise(store, store, store, store, new InMemoryProgressRepository(),
            Clock.fixed(NOW, ZoneOffset.UTC), new ReviewListener() {
        @Override
        public void returned(Review review) {
            heard.add(review);
        }

        @Override
        public void instructed(Instruction instruction) {
            heard.add(instruction);
        }

        @Override
        public void extensionDecided(Extension decided) {
            heard.add(decided);
        }
    });
    private final Set<String> marks = new HashSet<>();
    private final List<SupervisionNotice> rendered = new ArrayList<>();
    private final List<OutgoingEmail> sent = new ArrayList<>();
    private boolean refuse;
    private final NotifySupervision notify = new NotifySupervision(store, store, new NoticeMarks() {
        @Override
        public boolean notified(int year, String taskId, String noticeId) {
            return marks.contains(noticeId);
        }

        @Override
        public void markNotified(int year, String taskId, String noticeId, String messageId, Instant at) {
            marks.add(noticeId);
        }
    }, new ContactDirectory() {
        @Override
        public List<String> unitContacts(String unitId) {
            return unitId.equals("ganyu") ? List.of("ganyu@example.cn") : List.of("donghai@example.cn");
        }

        @Override
        public List<String> coordinators() {
            return List.of("fgw@example.cn");
        }
    }, notice -> {
        rendered.add(notice);
        return new OutgoingEmail(notice.noticeId() + "@example.cn", notice.to(), new byte[]{1});
    }, email -> {
        if (refuse) {
            throw new MailDeliveryException("refused", null);
        }
        sent.add(email);
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anInstructionToEveryUnitIsOneEmailPerUnitOnce() {
        Instruction i = done(supervise.instruct(PLAN, COORDINATOR, "1.1", "", "请于本周内补充佐证材料", "note-key-1"));
        assertThat(supervise.instruct(PLAN, COORDINATOR, "1.1", "", "请于本周内补充佐证材料", "note-key-1"))
                .isInstanceOf(Outcome.Done.class);
        assertThat(heard).as("a replay is not heard again").containsExactly(i);

        assertThat(notify.instructed(PLAN, "1.1", "note-key-1")).isEqualTo(NotifySupervision.Result.SENT);
        assertThat(notify.instructed(PLAN, "1.1", "note-key-1")).isEqualTo(NotifySupervision.Result.ALREADY_SENT);
        assertThat(sent).extracting(OutgoingEmail::to)
                .containsExactly(List.of("ganyu@example.cn"), List.of("donghai@example.cn"));
        assertThat(notify.instructed(PLAN, "1.1", "no-such-key")).isEqualTo(NotifySupervision.Result.UNKNOWN);
    }

    @Test
    void anInstructionToOneUnitMailsThatUnitOnly() {
        done(supervise.instruct(PLAN, COORDINATOR, "1.1", "donghai", "请说明滞后原因", "note-key-2"));
        notify.instructed(PLAN, "1.1", "note-key-2");
        assertThat(sent).extracting(OutgoingEmail::to).containsExactly(List.of("donghai@example.cn"));
        assertThat(rendered.get(0)).isInstanceOfSatisfying(SupervisionNotice.Instructed.class,
                n -> assertThat(n.unitName()).isEqualTo("东海县"));
    }

    @Test
    void aDecisionIsMailedOnceAndAPendingRequestNotAtAll() {
        done(supervise.requestExtension(PLAN, GANYU, "1.1", "2027-01-15", "需省里审批", "extension-1"));
        assertThat(notify.extensionDecided(PLAN, "1.1", "ganyu", "extension-1"))
                .isEqualTo(NotifySupervision.Result.NOT_DECIDED);
        Extension decided = done(supervise.decideExtension(PLAN, COORDINATOR, "1.1", "ganyu", "extension-1", true,
                null, "同意"));
        assertThat(heard).containsExactly(decided);

        refuse = true;
        assertThatThrownBy(() -> notify.extensionDecided(PLAN, "1.1", "ganyu", "extension-1"))
                .isInstanceOf(MailDeliveryException.class);
        refuse = false;
        assertThat(notify.extensionDecided(PLAN, "1.1", "ganyu", "extension-1"))
                .isEqualTo(NotifySupervision.Result.SENT);
        assertThat(notify.extensionDecided(PLAN, "1.1", "ganyu", "extension-1"))
                .isEqualTo(NotifySupervision.Result.ALREADY_SENT);
        assertThat(sent).hasSize(1).first().extracting(OutgoingEmail::to).isEqualTo(List.of("ganyu@example.cn"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }
}
