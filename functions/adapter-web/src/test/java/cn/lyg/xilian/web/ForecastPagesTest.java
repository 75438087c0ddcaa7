package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 预测预警 on the pages, through the real store (the trail is kept on the state item): on 2026-09-02 赣榆区's
 * 40 %, 50 %, 60 % on 1.2 (deadline 12-31) project to 2027-01-03, so the board and the task page say so.
 */
class ForecastPagesTest {

    private static final String REASON = "按当前进度预计1月3日完成，晚于时限3天";

    @RegisterExtension
    static final TestApp app = TestApp.running(Map.of("test.today", "2026-09-02"));
    static String coordinator;

    @BeforeAll
    static void start() {
        ProgressRepository progress = app.ctx.getBean(ProgressRepository.class);
        String[][] reports = {{"40", "2026-07-01"}, {"50", "2026-08-01"}, {"60", "2026-09-01"}};
        for (String[] r : reports) {
            progress.record(SubmissionBuilder.submission("1.2", "ganyu").year(2026).key("trail-" + r[1])
                    .status(ProgressStatus.IN_PROGRESS, Integer.parseInt(r[0])).progress("推进").reporter("测试")
                    .at(OffsetDateTime.parse(r[1] + "T10:00:00+08:00").toInstant()).build());
        }
        coordinator = Http.signIn(app.url(""), app.issue(Role.COORDINATOR, null));
    }

    @Test
    void theBoardAndTheTaskPageShowTheProjection() {
        HttpResponse<String> board = Http.get(app.url("/board?unit=ganyu"), coordinator);
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains(REASON);
        HttpResponse<String> task = Http.get(app.url("/tasks/1.2"), coordinator);
        assertThat(task.statusCode()).isEqualTo(200);
        assertThat(task.body()).contains(REASON);
    }
}
