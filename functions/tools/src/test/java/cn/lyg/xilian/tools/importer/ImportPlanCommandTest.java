package cn.lyg.xilian.tools.importer;

import cn.lyg.xilian.wiring.CatalogJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPlanCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void writesTheCatalog() throws IOException {
        Path catalog = dir.resolve("plan.json");

        int status = run(RepoFiles.path(RepoFiles.NOTICE_2026).toString(), "--out", catalog.toString());

        assertThat(status).isEqualTo(ImportPlanCommand.OK);
        assertThat(CatalogJson.read(Files.newInputStream(catalog)).tasks()).hasSize(44);
        assertThat(out.size()).isZero();
    }

    @Test
    void writesToStdoutWithoutOut() {
        int status = run(RepoFiles.path(RepoFiles.NOTICE_2026).toString());

        assertThat(status).isEqualTo(ImportPlanCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{").contains("\"year\" : 2026");
    }

    @Test
    void reportsProblemsAndWritesNothing() throws IOException {
        Path notice = dir.resolve("notice.txt");
        Files.writeString(notice, RepoFiles.read(RepoFiles.NOTICE_2026).replace("市社科联", "市外办"));
        Path catalog = dir.resolve("plan.json");

        int status = run(notice.toString(), "--out", catalog.toString());

        assertThat(status).isEqualTo(ImportPlanCommand.PROBLEMS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 33", "市外办");
        assertThat(catalog).doesNotExist();
    }

    @Test
    void anUnreadableFileIsAProblem() {
        assertThat(run(dir.resolve("missing.txt").toString())).isEqualTo(ImportPlanCommand.PROBLEMS);
    }

    @Test
    void wrongArgumentsAreAUsageError() {
        assertThat(run()).isEqualTo(ImportPlanCommand.USAGE);
        assertThat(run("a.txt", "--out")).isEqualTo(ImportPlanCommand.USAGE);
        assertThat(run("a.txt", "--bogus")).isEqualTo(ImportPlanCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private int run(String... args) {
        return ImportPlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
