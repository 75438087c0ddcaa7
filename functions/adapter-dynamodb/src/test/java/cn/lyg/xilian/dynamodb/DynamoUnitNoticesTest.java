package cn.lyg.xilian.dynamodb;

import cn.lyg.xilian.core.access.LinkRequest;
import cn.lyg.xilian.core.supervision.UnitInbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's items on dynalite: a unit's inbox (one query for all tasks, cleared per task), the delivery marks of
 * supervision emails and sign-in link requests, each mark written once.
 */
class DynamoUnitNoticesTest {

    private static final Instant T = Instant.parse("2026-11-25T02:00:00.123456Z");

    @RegisterExtension
    static final TestTable table = TestTable.perClass();

    @Test
    void anInboxIsReadInOneQueryAndClearedPerTask() {
        DynamoUnitInbox inbox = new DynamoUnitInbox(table.client, table.settings);
        UnitInbox.Entry note = new UnitInbox.Entry("1.1", UnitInbox.Entry.Kind.INSTRUCTION, "note-key-1", "新督办意见：请补充", T);
        inbox.add(2026, "ganyu", note);
        inbox.add(2026, "ganyu", note); // a replay: the same item
        inbox.add(2026, "ganyu", new UnitInbox.Entry("1.2", UnitInbox.Entry.Kind.DECISION, "ext-1", "延期申请未获批准", T));
        inbox.add(2026, "donghai", note);
        inbox.add(2027, "ganyu", note);

        assertThat(inbox.entries(2026, "ganyu")).extracting(UnitInbox.Entry::taskId).containsExactly("1.1", "1.2");
        assertThat(inbox.entries(2026, "ganyu").get(0)).isEqualTo(new UnitInbox.Entry("1.1",
                UnitInbox.Entry.Kind.INSTRUCTION, "note-key-1", "新督办意见：请补充", DynamoStore.millis(T)));
        inbox.clearTask(2026, "ganyu", "1.1");
        assertThat(inbox.entries(2026, "ganyu")).extracting(UnitInbox.Entry::taskId).containsExactly("1.2");
        assertThat(inbox.entries(2026, "donghai")).hasSize(1);
        assertThat(inbox.entries(2027, "ganyu")).hasSize(1);
    }

    @Test
    void aNoticeIsMarkedOnce() {
        DynamoNoticeMarks marks = new DynamoNoticeMarks(table.client, table.settings);
        assertThat(marks.notified(2026, "1.1", "instruction-2026-1.1-ganyu-note-key-1")).isFalse();
        marks.markNotified(2026, "1.1", "instruction-2026-1.1-ganyu-note-key-1", "m1@x", T);
        marks.markNotified(2026, "1.1", "instruction-2026-1.1-ganyu-note-key-1", "m2@x", T.plusSeconds(1));
        assertThat(marks.notified(2026, "1.1", "instruction-2026-1.1-ganyu-note-key-1")).isTrue();
        assertThat(marks.notified(2026, "1.1", "instruction-2026-1.1-donghai-note-key-1")).isFalse();
    }

    @Test
    void aLinkRequestIsStoredAndMarkedHandledOnce() {
        DynamoLinkRequestRepository requests = new DynamoLinkRequestRepository(table.client, table.settings);
        LinkRequest r = new LinkRequest("Abc_def-123", "lianluo@donghai.example.cn", "/tasks/1.1", T);
        requests.record(r, T.plusSeconds(86_400));
        var stored = requests.find("Abc_def-123").orElseThrow();
        assertThat(stored.request()).isEqualTo(new LinkRequest("Abc_def-123", "lianluo@donghai.example.cn",
                "/tasks/1.1", DynamoStore.millis(T)));
        assertThat(stored.handled()).isFalse();
        requests.markHandled("Abc_def-123", "SENT", T.plusSeconds(5));
        requests.markHandled("Abc_def-123", "LIMITED", T.plusSeconds(9));
        assertThat(requests.find("Abc_def-123").orElseThrow()).satisfies(s -> {
            assertThat(s.outcome()).isEqualTo("SENT");
            assertThat(s.handledAt()).isEqualTo(DynamoStore.millis(T.plusSeconds(5)));
        });
        requests.markHandled("no-such-request", "SENT", T);
        assertThat(requests.find("no-such-request")).isEmpty();
        requests.record(new LinkRequest("No_next", "donghai", null, T), T.plusSeconds(60));
        assertThat(requests.find("No_next").orElseThrow().request().returnPath()).isNull();
    }
}
