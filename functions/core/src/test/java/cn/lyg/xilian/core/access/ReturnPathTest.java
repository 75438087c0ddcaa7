package cn.lyg.xilian.core.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 22: the return path after signing in is one of our pages, or nothing (no open redirect). */
class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/tasks/1.1", "/tasks/3.6.5", "/board", "/board?x=1", "/coordinator", "/catalog",
            "/board?unit=donghai&light=NOT_GREEN&sort=risk", "/board?q=%E4%B8%9C%E6%B5%B7", "/tasks/1.1?saved=1", "/summary/2026"})
    void acceptsOurPages(String path) {
        assertThat(ReturnPath.parse(path)).map(ReturnPath::value).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "//evil.example/tasks/1.1", "https://evil", "https://evil.example/",
            "http:/evil", "/\\evil", "\\\\evil", "/\\/evil", "javascript:alert(1)", "evil.example", "tasks/1.1",
            "/tasks/1.1%0d%0aSet-Cookie:x=1", "/board?x=%0d%0aLocation:%20https://evil", "/board?x=%0A",
            "/board?x=%0D", "/board?x=%00", "/board?x=%7f", "/board?x=%", "/board?x=%4", "/board?x=%zz",
            "/board?x=1\r\nSet-Cookie:a", "/board\n", "/tasks/1.1\r", "/tasks/../..//evil", "/tasks/9.9.9.9.9",
            "/tasks/1.1/../../evil", "/api/v1/tasks", "/login?token=x", "/logout", "/board?next=//evil#frag",
            "/board?x=<script>", "/board? ", "/board?", "/tasks/1.1#x", "/TASKS/1.1", " /board", "/board/ledger.csv",
            "/%2f%2fevil.example", "/board?x=1?y=2/",
            "/summary/1999", "/summary/2026/summary.xlsx", "/summary/20266"})
    void refusesEverythingElse(String path) {
        assertThat(ReturnPath.parse(path)).isEmpty();
    }

    @Test
    void refusesNothingAndTheOverLong() {
        assertThat(ReturnPath.parse(null)).isEmpty();
        assertThat(ReturnPath.parse("")).isEmpty();
        String query = "x=" + "a".repeat(ReturnPath.MAX_LENGTH);
        assertThat(ReturnPath.parse("/board?" + query)).isEmpty();
        String atLimit = "/board?" + "a".repeat(ReturnPath.MAX_LENGTH - "/board?".length());
        assertThat(atLimit).hasSize(ReturnPath.MAX_LENGTH);
        assertThat(ReturnPath.parse(atLimit)).isEmpty(); // the query alone is at most 250 characters
        assertThat(ReturnPath.parse("/board?" + "a".repeat(250))).isPresent();
    }

    @Test
    void namesTheTaskOfATaskPage() {
        assertThat(ReturnPath.parse("/tasks/3.6.5?saved=1").orElseThrow().taskId()).contains("3.6.5");
        assertThat(ReturnPath.parse("/board?x=1").orElseThrow().taskId()).isEmpty();
    }
}
