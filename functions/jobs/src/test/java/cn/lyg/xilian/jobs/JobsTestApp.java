package cn.lyg.xilian.jobs;

import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.mail.MailTransport;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A jobs context as a test or the benchmark builds it: a fresh table on the given dynalite holding the
 * 2026 plan (infra/plans/plan-2026.json), an outbox folder, and a contact for every unit. With a
 * {@code transport} given, that object is the one MailTransport (xilian.mail.transport names no real one).
 */
final class JobsTestApp implements AutoCloseable {

    static final String COORDINATOR = "fgw@example.cn";

    final ApplicationContext context;
    final Plan plan;
    final Path outbox;
    final String table;

    private JobsTestApp(ApplicationContext context, Plan plan, Path outbox, String table) {
        this.context = context;
        this.plan = plan;
        this.outbox = outbox;
        this.table = table;
    }

    static Plan plan2026() {
        try (InputStream in = Files.newInputStream(root().resolve("infra/plans/plan-2026.json"))) {
            return CatalogJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The 2027 plan as a test builds it beside 2026 (no 2027 notice exists yet): the 2026 catalog with every "2026"
     * of its JSON (year, title, document number, dates, deadlines) made "2027".
     */
    static Plan plan2027() {
        try {
            String json = Files.readString(root().resolve("infra/plans/plan-2026.json")).replace("2026", "2027");
            return CatalogJson.read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JobsTestApp start(Dynalite dynalite, String hint, MailTransport transport, Map<String, Object> extra) {
        return start(dynalite, hint, transport, extra, new String[0]);
    }

    /** With the given Micronaut environments active (e.g. {@code function}, as in a Lambda handler's context). */
    static JobsTestApp start(Dynalite dynalite, String hint, MailTransport transport, Map<String, Object> extra,
                             String... environments) {
        return start(dynalite, hint, transport, extra, List.of(), environments);
    }

    /** With more beans of the test's own (e.g. the {@code ChatRobots} of a chat test). */
    static JobsTestApp start(Dynalite dynalite, String hint, MailTransport transport, Map<String, Object> extra,
                             List<Object> singletons, String... environments) {
        Plan plan = plan2026();
        Path outbox;
        try {
            outbox = Files.createTempDirectory("outbox-" + hint + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String table = Dynalite.uniqueTableName(hint);
        Map<String, Object> props = new HashMap<>();
        props.put("aws.region", "cn-north-1");
        props.put("xilian.base-url", "https://xilian.example.cn");
        props.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        props.put("xilian.dynamodb.table", table);
        props.put("xilian.mail.transport", transport == null ? "outbox" : "test");
        props.put("xilian.mail.outbox.dir", outbox.toString());
        props.put("xilian.contacts.coordinators", List.of(COORDINATOR));
        plan.units().forEach(u -> props.put("xilian.contacts.units." + u.id(), List.of(u.id() + "@example.cn")));
        props.putAll(extra);
        table = props.get("xilian.dynamodb.table").toString(); // a test may reuse a table across contexts
        ApplicationContextBuilder builder = ApplicationContext.builder().properties(props).deduceEnvironment(false)
                .environments(environments);
        if (transport != null) {
            builder.singletons(transport);
        }
        builder.singletons(singletons.toArray());
        ApplicationContext context = builder.start();
        new TableCreator(context.getBean(DynamoDbClient.class)).createIfAbsent(table);
        context.getBean(CatalogRepository.class).load(plan);
        return new JobsTestApp(context, plan, outbox, table);
    }

    PlanTask firstTask() {
        return plan.tasks().getFirst();
    }

    /** Stores a 受阻 report of the first task's first unit (reason 资金未到位) with the given idempotency key. */
    Submission storeBlocked(String key) {
        PlanTask task = firstTask();
        Submission blocked = SubmissionBuilder.submission(task.id(), task.unitIds().getFirst()).key(key)
                .status(ProgressStatus.BLOCKED, 20).progress("已对接").problems("资金未到位").nextSteps("协调资金")
                .reporter("张三").at(Instant.parse("2026-11-30T02:00:00Z")).build();
        context.getBean(ProgressRepository.class).record(blocked);
        return blocked;
    }

    List<Path> emails() {
        return emails(outbox);
    }

    /** The .eml files of an outbox folder, in name order. */
    static List<Path> emails(Path outbox) {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DigestRepository digests() {
        return context.getBean(DigestRepository.class);
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage parse(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + eml, e);
        }
    }

    /** The TO addresses of a message. */
    static List<String> to(MimeMessage message) {
        try {
            List<String> to = new java.util.ArrayList<>();
            for (var address : message.getRecipients(jakarta.mail.Message.RecipientType.TO)) {
                to.add(((jakarta.mail.internet.InternetAddress) address).getAddress());
            }
            return to;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** All text parts of a message, decoded (attachments left out). */
    static String text(MimeMessage message) {
        try {
            return collect(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String collect(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(collect(multipart.getBodyPart(i).getContent()));
            }
            return all.toString();
        }
        return ""; // the .xlsx attachment
    }

    static Path root() {
        String configured = System.getProperty("xilian.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "infra", "plans"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/plans"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no infra/plans above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        context.close();
    }
}
