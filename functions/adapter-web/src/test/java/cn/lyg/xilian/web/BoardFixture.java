package cn.lyg.xilian.web;

import cn.lyg.xilian.core.progress.ProgressStatus;

import java.util.Map;

/**
 * The board's fixture on the 2026 plan, as of 2026-08-05 (Asia/Shanghai), 44 days after the plan was issued:
 * <ul>
 *   <li>1.1 (deadline 07-31) nobody reported: red, 已逾期5天;</li>
 *   <li>2.8 (donghai) its 06-30 milestone passed: red;</li>
 *   <li>3.1.6 lianyun reported 受阻 30 % with hostile text in 存在问题: red;</li>
 *   <li>3.1.4 donghai reported 已完成: green; 3.2.2 city-science 推进中 50 % on 08-02: green;</li>
 *   <li>3.3.1 city-education 推进中 5 % (expected ≈23 %): yellow, 进度滞后;</li>
 *   <li>every other pair never reported: yellow, 未报.</li>
 * </ul>
 */
final class BoardFixture {

    static final String TODAY = "2026-08-05";
    static final String HOSTILE = "<script>alert('x')</script>土地指标\"未落实\"";

    static Map<String, Object> properties() {
        return Map.of("test.today", TODAY);
    }

    static void load(TestApp app) {
        app.record("3.1.4", "donghai", ProgressStatus.DONE, 100, null, "2026-08-01T09:00:00+08:00");
        app.record("3.1.6", "lianyun", ProgressStatus.BLOCKED, 30, HOSTILE, "2026-08-03T09:00:00+08:00");
        app.record("3.2.2", "city-science", ProgressStatus.IN_PROGRESS, 50, null, "2026-08-02T09:00:00+08:00");
        app.record("3.3.1", "city-education", ProgressStatus.IN_PROGRESS, 5, null, "2026-08-02T09:00:00+08:00");
    }

    private BoardFixture() {
    }
}
