package cn.lyg.xilian.deploy;

import cn.lyg.xilian.core.evidence.EvidenceKeys;
import cn.lyg.xilian.core.evidence.EvidenceRules;
import cn.lyg.xilian.core.evidence.ReportRef;
import cn.lyg.xilian.testkit.Chromium;
import cn.lyg.xilian.testkit.PresignedPost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision loop's AWS parts on LocalStack: the template's evidence bucket as CloudFormation deploys it, and
 * LocalStack's S3 enforcing the presigned POST policy the ApiFunction (under the emulator, behind the API Gateway
 * front) signs: an oversized file and a key outside the report's prefix are refused by S3 itself; a file within the
 * limits lands and is attached through S3's redirect; a file whose content is not of an allowed type is deleted
 * with a clear error. The 退回 notice: a review item in the table's stream reaches the SubmissionEventFunction,
 * which emails the unit (LocalStack's SES) with the reason and the task's link, once. Chromium posts the upload
 * form (no JavaScript) straight to the bucket and S3's redirect brings it back to the task page (or to a clear
 * error for a file refused by content); screenshots on
 * desktop and phone width under target/screenshots/.
 */
class LocalStackSupervisionTest {

    private static final String UNIT = "donghai";
    private static final String UNIT_MAIL = "donghai@xilian.example.cn";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static LocalStackTier tier;
    static S3Client s3;
    static String bucket;
    static final HttpClient browser = LocalStackTier.browser();

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalStackConfig.endpoint().isPresent(), LocalStackConfig.SKIP_REASON);
        URI endpoint = LocalStackConfig.endpoint().get();
        tier = new LocalStackTier(endpoint, "xilian-supervision-" + System.currentTimeMillis(), endpoint, endpoint,
                List.of("ApiFunction", "SubmissionEventFunction"));
        s3 = S3Client.builder().endpointOverride(endpoint).region(LocalStackStack.REGION).forcePathStyle(true)
                .credentialsProvider(LocalStackStack.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        bucket = tier.stack.physicalIds.get("EvidenceBucket");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (tier != null) {
            tier.close();
        }
    }

    @Test
    void theEvidenceBucketIsPrivateEncryptedVersionedWithALifecycle() {
        assertThat(bucket).as(tier.stack.physicalIds.toString()).isNotBlank();
        assertThat(s3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules())
                .anySatisfy(r -> assertThat(r.applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("AES256"));
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        PublicAccessBlockConfiguration block = s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
        assertThat(List.of(block.blockPublicAcls(), block.blockPublicPolicy(), block.ignorePublicAcls(),
                block.restrictPublicBuckets())).containsOnly(true);
        List<LifecycleRule> rules = s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(90);
            assertThat(r.abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(1);
        });
        assertThat(s3.getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls().rules())
                .singleElement().satisfies(r -> assertThat(r.objectOwnershipAsString()).isEqualTo("BucketOwnerEnforced"));
        assertThat(s3.getBucketPolicy(b -> b.bucket(bucket)).policy()).contains("aws:SecureTransport");
    }

    @Test
    void s3EnforcesThePostPolicyAndTheFunctionChecksTheContent() throws Exception {
        String token = tier.loadPlanAndIssue(UNIT);
        String task = tier.unitTasks(token, 3).get(0); // each test on its own task: its page shows its own files only
        String report = report(token, task, "evidence", 35, "完成现场踏勘");
        String cookie = tier.signIn(token);
        String reportPrefix = EvidenceKeys.reportPrefix(new ReportRef(2026, task, UNIT, report));

        // Within the limits: S3 stores it and sends the browser back; the function checks it and attaches it.
        Map<String, String> form = uploadForm(cookie, task, report);
        HttpResponse<String> posted = post(form, "规划批复（盖章）.pdf", PDF);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        HttpResponse<String> back = followBack(posted, cookie);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(back.headers().firstValue("location").orElseThrow()).startsWith("/tasks/" + task + "?uploaded=1#history-" + UNIT);
        String page = get("/tasks/" + task, cookie).body();
        assertThat(page).contains("佐证材料（1个）").contains("规划批复（盖章）.pdf");
        assertThat(keys(reportPrefix)).singleElement().satisfies(k -> assertThat(k).matches(
                Pattern.quote(reportPrefix) + "[A-Za-z0-9]{16}\\.pdf"));

        // Over 20 MB: refused by S3 itself (the policy's content-length-range); nothing lands.
        byte[] big = Arrays.copyOf(PDF, (int) EvidenceRules.MAX_FILE_BYTES + 1);
        HttpResponse<String> tooBig = post(uploadForm(cookie, task, report), "大文件.pdf", big);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("EntityTooLarge");
        // Empty: refused by S3 too (the range starts at 1 byte).
        HttpResponse<String> empty = post(uploadForm(cookie, task, report), "空白.pdf", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("EntityTooSmall");

        // A key outside the signed prefix (another unit's report): refused by S3 (the policy's starts-with).
        Map<String, String> forged = uploadForm(cookie, task, report);
        String otherPrefix = EvidenceKeys.reportPrefix(new ReportRef(2026, task, "guanyun", report));
        forged.put("key", forged.get("key").replace(reportPrefix, otherPrefix));
        HttpResponse<String> elsewhere = post(forged, "照片.pdf", PDF);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("AccessDenied").contains("Policy Condition failed");
        assertThat(keys(otherPrefix)).isEmpty();

        // Within the limits but not an allowed type by content (text named .jpg): S3 takes it, the function
        // refuses it with a clear error and deletes it.
        HttpResponse<String> disguised = post(uploadForm(cookie, task, report), "伪装照片.jpg",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(disguised.statusCode()).isEqualTo(303);
        HttpResponse<String> refused = followBack(disguised, cookie);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("伪装照片.jpg").contains("FILE_TYPE_NOT_ALLOWED");
        assertThat(keys(reportPrefix)).as("only the attached file").hasSize(1);
        assertThat(get("/tasks/" + task, cookie).body()).contains("佐证材料（1个）").doesNotContain("伪装照片");

        // Download: the unit follows the page's link to a short-lived presigned GET on the bucket.
        Matcher link = Pattern.compile("href=\"(/evidence/[^\"]+)\">规划批复").matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<String> redirect = get(link.group(1).replace("&amp;", "&"), cookie);
        assertThat(redirect.statusCode()).isEqualTo(303);
        HttpResponse<byte[]> file = browser.send(HttpRequest.newBuilder(URI.create(redirect.headers()
                .firstValue("location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PDF);

        // The bucket is versioned: the refused file and the staged copy are gone with their versions, not kept
        // behind delete markers until the lifecycle expires them.
        var versions = s3.listObjectVersions(b -> b.bucket(bucket).prefix(reportPrefix));
        assertThat(versions.versions()).singleElement().satisfies(v -> assertThat(v.key()).isEqualTo(keys(reportPrefix).get(0)));
        assertThat(versions.deleteMarkers()).isEmpty();
    }

    @Test
    void chromiumPostsTheUploadFormStraightToS3AndComesBackToTheTaskPage() throws Exception {
        String token = tier.loadPlanAndIssue(UNIT);
        String task = tier.unitTasks(token, 3).get(1);
        String report = report(token, task, "browser", 45, "完成道路基层施工");
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("evidence-");
        java.nio.file.Path pdf = java.nio.file.Files.write(files.resolve("验收报告（盖章）.pdf"), PDF);
        java.nio.file.Path photo = java.nio.file.Files.write(files.resolve("施工现场照片.jpg"), new byte[]{(byte) 0xFF,
                (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1});
        java.nio.file.Path disguised = java.nio.file.Files.write(files.resolve("伪装照片.jpg"),
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        java.nio.file.Path oversized = files.resolve("过大的扫描件.pdf");
        try (var file = new java.io.RandomAccessFile(oversized.toFile(), "rw")) {
            file.setLength(EvidenceRules.MAX_FILE_BYTES + 1); // sparse: the browser only reads its size
        }
        String reportPrefix = EvidenceKeys.reportPrefix(new ReportRef(2026, task, UNIT, report));

        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            signIn(browser, token);

            // Desktop: from the task page's link to the upload page; the form's target is the bucket itself.
            chromium.resize(1280, 1400);
            browser.get(tier.front.baseUrl() + "/tasks/" + task);
            chromium.clickAndWaitForNewPage(By.cssSelector("a.evidence-upload-link"));
            WebElement form = browser.findElement(By.cssSelector("form.evidence-direct-form"));
            assertThat(form.getDomAttribute("action")).isEqualTo(tier.endpoint + "/" + bucket);
            browser.findElement(By.id("evidence-file")).sendKeys(pdf.toString());
            chromium.screenshot("evidence-s3-upload-desktop.png");
            chromium.clickAndWaitForNewPage(By.cssSelector("form.evidence-direct-form button[type=submit]"));
            // S3 answered 303 to the application, which attached the file and sent the browser to the task page.
            assertThat(browser.getCurrentUrl()).startsWith(tier.front.baseUrl() + "/tasks/" + task + "?uploaded=1#history-" + UNIT);
            assertThat(browser.getPageSource()).contains("已上传1个文件").contains("佐证材料（1个）").contains("验收报告（盖章）.pdf");
            chromium.screenshot("evidence-s3-attached-desktop.png");

            // A text file named .jpg: S3 takes it, the application refuses it by content with a clear message.
            chromium.clickAndWaitForNewPage(By.cssSelector("a.evidence-upload-link"));
            browser.findElement(By.id("evidence-file")).sendKeys(disguised.toString());
            chromium.clickAndWaitForNewPage(By.cssSelector("form.evidence-direct-form button[type=submit]"));
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('navigation')[0].responseStatus")).isEqualTo(422L);
            assertThat(browser.getPageSource()).contains("“伪装照片.jpg”不是允许的文件类型");
            chromium.screenshot("evidence-s3-refused-desktop.png");

            // Over 20 MB: the page's own check stops the post before S3, whose refusal would be a bare XML page.
            assertThat(refusedByThePageScript(chromium, task, oversized))
                    .isEqualTo("“过大的扫描件.pdf”超过20MB，请压缩或拆分后再上传");
            chromium.screenshot("evidence-s3-too-large-desktop.png");
            browser.get(tier.front.baseUrl() + "/tasks/" + task);

            // Phone: the same with a photo.
            chromium.resize(390, 1400);
            chromium.clickAndWaitForNewPage(By.cssSelector("a.evidence-upload-link"));
            browser.findElement(By.id("evidence-file")).sendKeys(photo.toString());
            chromium.screenshot("evidence-s3-upload-phone.png");
            chromium.clickAndWaitForNewPage(By.cssSelector("form.evidence-direct-form button[type=submit]"));
            assertThat(browser.getCurrentUrl()).startsWith(tier.front.baseUrl() + "/tasks/" + task);
            assertThat(browser.getPageSource()).contains("佐证材料（2个）").contains("施工现场照片.jpg")
                    .contains("验收报告（盖章）.pdf");
            chromium.screenshot("evidence-s3-attached-phone.png");
        }
        assertThat(keys(reportPrefix)).hasSize(2).allSatisfy(k -> assertThat(k).matches(
                Pattern.quote(reportPrefix) + "[A-Za-z0-9]{16}\\.(pdf|jpg)"));
    }

    /**
     * Real sizes in the deployed shape: Chromium posts a 0.5 MB PDF, a 5 MB photo and a 19.5 MB scan through the
     * upload page straight to LocalStack's S3, which enforces the POST policy; each comes back attached. A 20.5 MB
     * scan is stopped by the page's own check and, with JavaScript off, refused by S3 itself (EntityTooLarge):
     * nothing lands either way.
     */
    @Test
    void chromiumSendsRealSizeFilesStraightToS3AndS3RefusesOneOver20Mb() throws Exception {
        String token = tier.loadPlanAndIssue(UNIT);
        String task = tier.unitTasks(token, 4).get(3);
        String report = report(token, task, "sizes", 55, "完成主体结构施工");
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("evidence-sizes-");
        List<java.nio.file.Path> fits = List.of(
                realFile(files, "会议纪要.pdf", PDF, 512 * 1024, 1),
                realFile(files, "IMG_20261207_093015.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                        5 * 1024 * 1024, 2),
                realFile(files, "协议扫描件（盖章）.pdf", PDF, 19 * 1024 * 1024 + 512 * 1024, 3));
        java.nio.file.Path oversized = realFile(files, "整本台账扫描.pdf", PDF, 20 * 1024 * 1024 + 512 * 1024, 4);
        String reportPrefix = EvidenceKeys.reportPrefix(new ReportRef(2026, task, UNIT, report));

        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            signIn(browser, token);
            chromium.resize(390, 1400);
            int attached = 0;
            for (java.nio.file.Path f : fits) {
                browser.get(tier.front.baseUrl() + "/tasks/" + task);
                chromium.clickAndWaitForNewPage(By.cssSelector("a.evidence-upload-link"));
                browser.findElement(By.id("evidence-file")).sendKeys(f.toString());
                Object before = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return performance.timeOrigin");
                browser.findElement(By.cssSelector("form.evidence-direct-form button[type=submit]")).click();
                new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> !before.equals(
                        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return performance.timeOrigin"))
                        && d.getCurrentUrl().startsWith(tier.front.baseUrl() + "/tasks/" + task + "?uploaded=1#"));
                attached++;
                assertThat(browser.getPageSource()).contains("佐证材料（" + attached + "个）").contains(f.getFileName().toString());
            }
            chromium.screenshot("evidence-s3-real-sizes-phone.png");
            assertThat(keys(reportPrefix)).hasSize(3);
            assertThat(keys(reportPrefix).stream().map(k -> s3.headObject(b -> b.bucket(bucket).key(k)).contentLength()))
                    .containsExactlyInAnyOrder(512L * 1024, 5L * 1024 * 1024, 19L * 1024 * 1024 + 512 * 1024);

            // 20.5 MB with the page's script: stopped before S3.
            refusedByThePageScript(chromium, task, oversized);
            String uploadPage = browser.getCurrentUrl();

            // Without JavaScript: S3 enforces the policy's content-length-range.
            ((org.openqa.selenium.chrome.ChromeDriver) browser).executeCdpCommand("Emulation.setScriptExecutionDisabled",
                    Map.of("value", true));
            browser.get(uploadPage.replaceAll("\\?.*", ""));
            browser.findElement(By.id("evidence-file")).sendKeys(oversized.toString());
            browser.findElement(By.cssSelector("form.evidence-direct-form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> d.getPageSource().contains("EntityTooLarge"));
            assertThat(browser.getCurrentUrl()).startsWith(tier.endpoint + "/" + bucket);
            chromium.screenshot("evidence-s3-too-large-no-script-phone.png");
        }
        assertThat(keys(reportPrefix)).as("nothing of the refused file").hasSize(3);
    }

    /**
     * Issue 19 against the deployed shape: another unit's object keys, traversal and folders, sent to both
     * confirmation routes of the API function, answer 404 and no object of the bucket changes (every version
     * compared). And what LocalStack's S3 itself does with such a key: it is a literal key (HEAD 404, CopyObject
     * NoSuchKey, DeleteObject deletes nothing else) — the store never sends one anyway.
     */
    @Test
    void keysCraftedToReachAnotherUnitsObjectChangeNothingInTheBucket() throws Exception {
        String victimToken = tier.loadPlanAndIssue("guanyun");
        String task = tier.unitTasks(victimToken, 40).stream().filter(t -> {
            try {
                return tier.unitTasks(tier.loadPlanAndIssue(UNIT), 60).contains(t);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        String victimReport = report(victimToken, task, "victim", 30, "完成方案编制");
        String victimCookie = tier.signIn(victimToken);
        HttpResponse<String> posted = post(uploadForm(victimCookie, task, victimReport), "合同.pdf", PDF);
        assertThat(followBack(posted, victimCookie).statusCode()).isEqualTo(303);
        String victimKey = keys(EvidenceKeys.reportPrefix(new ReportRef(2026, task, "guanyun", victimReport))).get(0);

        String token = tier.loadPlanAndIssue(UNIT);
        String own = report(token, task, "attacker", 30, "完成方案编制");
        String cookie = tier.signIn(token);
        Map<String, String> form = uploadForm(cookie, task, own);
        String ownUpload = form.get("key").replace("${filename}", "");
        String uploadId = ownUpload.replaceAll(".*/upload-([A-Za-z0-9]+)/$", "$1");
        var before = s3.listObjectVersions(b -> b.bucket(bucket)).versions().stream()
                .map(v -> v.key() + " " + v.versionId() + " " + v.eTag()).sorted().toList();

        String victimFolder = victimKey.substring(0, victimKey.lastIndexOf('/') + 1);
        String tail = victimKey.substring(victimKey.indexOf("/guanyun/") + 1);
        for (String key : List.of(ownUpload + "../../../" + tail, victimKey, "/" + victimKey, victimFolder,
                ownUpload + "../../../" + tail.substring(0, tail.lastIndexOf('/') + 1), ownUpload + "..%2f..%2f..%2f" + tail,
                ownUpload + "..\\..\\..\\x.pdf", ownUpload + "x.pdf\u0000/../../../" + tail, ownUpload + "a".repeat(3000))) {
            HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(tier.front.baseUrl()
                            + "/api/v1/tasks/" + task + "/reports/" + own + "/evidence"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key.replace("\\", "\\\\")
                            .replace("\u0000", "\\u0000") + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(key + " " + api.body()).isEqualTo(404);
            HttpResponse<String> page = get("/tasks/" + task + "/reports/" + own + "/evidence/uploaded/" + uploadId
                    + "?bucket=" + bucket + "&key=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8), cookie);
            assertThat(page.statusCode()).as(key + " " + page.body()).isEqualTo(404);
        }
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).versions().stream()
                .map(v -> v.key() + " " + v.versionId() + " " + v.eTag()).sorted().toList()).isEqualTo(before);

        // LocalStack's S3 on its own: the traversal is part of a literal key, never resolved.
        String crafted = ownUpload + "../../../" + tail;
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s3.headObject(b -> b.bucket(bucket).key(crafted))))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey(crafted).destinationBucket(bucket).destinationKey(ownUpload + "copy.pdf"))))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class);
        s3.deleteObject(b -> b.bucket(bucket).key(crafted));
        assertThat(s3.headObject(b -> b.bucket(bucket).key(victimKey)).contentLength()).isEqualTo(PDF.length);
    }

    /** Signs in through the front as a user does: the sign-in link, then its confirmation. */
    /**
     * Posts {@code file} through the task's direct-upload page with its script on: the page shows its size error and
     * stays where it is (nothing reaches S3). Returns the error's text.
     */
    private static String refusedByThePageScript(Chromium chromium, String task, java.nio.file.Path file) {
        WebDriver browser = chromium.driver();
        browser.get(tier.front.baseUrl() + "/tasks/" + task);
        chromium.clickAndWaitForNewPage(By.cssSelector("a.evidence-upload-link"));
        String uploadPage = browser.getCurrentUrl();
        browser.findElement(By.id("evidence-file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form.evidence-direct-form button[type=submit]")).click();
        WebElement sizeError = browser.findElement(By.id("evidence-file-error"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> sizeError.isDisplayed());
        assertThat(browser.getCurrentUrl()).isEqualTo(uploadPage);
        return sizeError.getText();
    }

    private static void signIn(WebDriver browser, String token) {
        browser.get(tier.front.baseUrl() + "/login?token=" + token);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** A file of exactly {@code size} bytes: the type's magic, then random bytes (a photo or scan's entropy). */
    private static java.nio.file.Path realFile(java.nio.file.Path dir, String name, byte[] magic, int size, long seed)
            throws java.io.IOException {
        byte[] content = new byte[size];
        new java.util.Random(seed).nextBytes(content);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return java.nio.file.Files.write(dir.resolve(name), content);
    }

    @Test
    void aReportSentBackIsEmailedToItsUnitFromTheStreamOnce() throws Exception {
        String token = tier.loadPlanAndIssue(UNIT);
        String task = tier.unitTasks(token, 3).get(2);
        String report = report(token, task, "returned", 20, "完成方案编制");
        tier.awaitStream(1, Duration.ofSeconds(60));
        tier.mailbox.clear();

        String reason = "缺少现场照片，请补充后重新填报";
        HttpResponse<String> review = browser.send(HttpRequest.newBuilder(URI.create(tier.front.baseUrl()
                        + "/api/v1/tasks/" + task + "/reviews"))
                .header("Authorization", "Bearer " + tier.issueCoordinator()).header("Content-Type", "application/json")
                .header("Idempotency-Key", "review-" + report)
                .POST(HttpRequest.BodyPublishers.ofString("{\"unit\":\"" + UNIT + "\",\"submission\":\"" + report
                        + "\",\"decision\":\"RETURNED\",\"reason\":\"" + reason + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(review.statusCode()).as(review.body()).isEqualTo(201);

        assertThat(tier.awaitStream(1, Duration.ofSeconds(60))).as(tier.poller.figures()).isGreaterThanOrEqualTo(1);
        List<SesMailbox.Mail> mails = awaitMail(m -> m.isTo(UNIT_MAIL) && m.subject().contains("退回"));
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains(task);
            assertThat(m.text()).contains(reason).contains(tier.front.baseUrl() + "/tasks/" + task);
        });
        // The whole stream again from its start (as a retried batch delivers it): no second email.
        StreamPoller again = tier.newPoller(tier.functions.get("SubmissionEventFunction")::invoke);
        assertThat(LocalStackTier.awaitStream(again, 2, Duration.ofSeconds(60))).isGreaterThanOrEqualTo(2);
        Thread.sleep(1000);
        assertThat(tier.mailbox.messages().stream().filter(m -> m.isTo(UNIT_MAIL) && m.subject().contains("退回")))
                .hasSize(1);
    }

    @Test
    void aSignedOutUnitGetsAFreshSignInLinkByEmailThroughSesAndLandsOnTheTask() throws Exception {
        String task = tier.unitTasks(tier.loadPlanAndIssue(UNIT), 1).get(0);
        tier.poller.drain(); // whatever earlier tests left in the stream
        tier.mailbox.clear();

        // The task's link opened without a session: the Chinese sign-in page, whose page it is, the link request.
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(tier.front.baseUrl() + "/tasks/"
                + task)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("任务 " + task).contains("action=\"/signin/email\"")
                .contains("name=\"next\" value=\"/tasks/" + task + "\"");
        HttpResponse<String> asked = browser.send(HttpRequest.newBuilder(URI.create(tier.front.baseUrl()
                        + "/signin/email")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", tier.front.baseUrl()).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString("unit=" + UNIT + "&address=&next=%2Ftasks%2F" + task)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(asked.body()).contains("请查收邮件");

        // The stream brings the request to the SubmissionEventFunction, which mails the unit's address (SES).
        assertThat(tier.awaitStream(1, Duration.ofSeconds(60))).as(tier.poller.figures()).isGreaterThanOrEqualTo(1);
        List<SesMailbox.Mail> mails = awaitMail(m -> m.isTo(UNIT_MAIL) && m.text().contains("/login?token="));
        assertThat(mails).singleElement();
        Matcher link = Pattern.compile(Pattern.quote(tier.front.baseUrl()) + "/login\\?token=[^\\s\"<>]+")
                .matcher(mails.get(0).text());
        assertThat(link.find()).as(mails.get(0).text()).isTrue();
        assertThat(link.group()).contains("next=%2Ftasks%2F" + task);

        // The link signs in and lands on the task.
        URI login = URI.create(link.group());
        HttpResponse<String> confirm = browser.send(HttpRequest.newBuilder(login).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        String form = LocalStackSmokeTest.urlEncoded(LocalStackSmokeTest.hiddenFields(confirm.body()));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(tier.front.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", tier.front.baseUrl())
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("location").orElseThrow()).endsWith("/tasks/" + task);

        // The whole stream again from its start: no second email.
        StreamPoller again = tier.newPoller(tier.functions.get("SubmissionEventFunction")::invoke);
        assertThat(LocalStackTier.awaitStream(again, 1, Duration.ofSeconds(60))).isGreaterThanOrEqualTo(1);
        Thread.sleep(1000);
        assertThat(tier.mailbox.messages().stream().filter(m -> m.isTo(UNIT_MAIL) && m.text().contains("/login?token=")))
                .hasSize(1);
    }

    /**
     * Issue 23 in the deployed shape: a coordinator registers a new address for 灌云县 through the admin API and sends
     * the unit its link; the stream's function mails it through SES to the registered address only, once.
     */
    @Test
    void aCoordinatorRegistersAnAddressAndSendsTheUnitItsLinkThroughSes() throws Exception {
        tier.loadPlanAndIssue(UNIT);
        tier.poller.drain();
        tier.mailbox.clear();
        String coordinator = tier.issueCoordinator();
        HttpResponse<String> unit = admin("GET", "/api/v1/admin/units/guanyun", coordinator, null, null);
        assertThat(unit.statusCode()).as(unit.body()).isEqualTo(200);
        Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(unit.body());
        assertThat(version.find()).as(unit.body()).isTrue();
        String newAddress = "guanyun-lianluo@xilian.example.cn";
        HttpResponse<String> changed = admin("PUT", "/api/v1/admin/units/guanyun", coordinator, "contacts-guanyun-1",
                "{\"version\":" + version.group(1) + ",\"contacts\":[\"" + newAddress + "\"],\"liaisonName\":\"王五\"}");
        assertThat(changed.statusCode()).as(changed.body()).isBetween(200, 201);
        assertThat(changed.body()).contains(newAddress);
        HttpResponse<String> sent = admin("POST", "/api/v1/admin/units/guanyun/link-emails", coordinator,
                "send-guanyun-1", "{}");
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 202);

        assertThat(tier.awaitStream(1, Duration.ofSeconds(60))).as(tier.poller.figures()).isGreaterThanOrEqualTo(1);
        List<SesMailbox.Mail> mails = awaitMail(m -> m.text().contains("/login?token="));
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly(newAddress);
            assertThat(m.text()).contains("灌云县");
        });
        // The same request again (a retry under its key) queues nothing new.
        assertThat(admin("POST", "/api/v1/admin/units/guanyun/link-emails", coordinator, "send-guanyun-1", "{}")
                .statusCode()).isBetween(200, 202);
        tier.awaitStream(0, Duration.ofSeconds(5));
        Thread.sleep(1000);
        assertThat(tier.mailbox.messages().stream().filter(m -> m.text().contains("/login?token="))).hasSize(1);
    }

    private static HttpResponse<String> admin(String method, String path, String token, String key, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(tier.front.baseUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").header("Idempotency-Key", key);
        }
        return browser.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 推进中 report through the JSON API under a fresh key starting with {@code keyPrefix}; returns the key. */
    private static String report(String token, String task, String keyPrefix, int percent, String progress) throws Exception {
        String key = keyPrefix + "-" + Long.toString(System.nanoTime(), 36);
        assertThat(tier.submit(token, task, key, "{\"status\":\"推进中\",\"percent\":" + percent + ",\"progress\":\""
                + progress + "\"}")).isEqualTo(201);
        return key;
    }

    private static List<SesMailbox.Mail> awaitMail(java.util.function.Predicate<SesMailbox.Mail> matches) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<SesMailbox.Mail> found = List.of();
        while (System.nanoTime() < deadline) {
            found = tier.mailbox.messages().stream().filter(matches).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(300);
        }
        return found;
    }

    /** The upload page's form fields (its action must be the stack's bucket on LocalStack's S3). */
    private static Map<String, String> uploadForm(String cookie, String task, String report) throws Exception {
        HttpResponse<String> page = get("/tasks/" + task + "/reports/" + report + "/evidence/upload", cookie);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("class=\"card evidence-direct-form\" method=\"post\" "
                + "enctype=\"multipart/form-data\" action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        assertThat(unescape(action.group(1))).isEqualTo(tier.endpoint + "/" + bucket);
        Map<String, String> fields = new LinkedHashMap<>();
        LocalStackSmokeTest.hiddenFields(page.body()).forEach((k, v) -> fields.put(k, unescape(v)));
        assertThat(fields).containsKeys("key", "policy", "x-amz-signature", "success_action_redirect");
        return fields;
    }

    /** The form posted to the bucket as a browser does. */
    private static HttpResponse<String> post(Map<String, String> fields, String filename, byte[] content) throws Exception {
        return browser.send(PresignedPost.request(URI.create(tier.endpoint + "/" + bucket), fields, filename, content),
                HttpResponse.BodyHandlers.ofString());
    }

    /** S3's 303 back to the application (the front), followed with the session cookie. */
    private static HttpResponse<String> followBack(HttpResponse<String> posted, String cookie) throws Exception {
        URI location = URI.create(posted.headers().firstValue("location").orElseThrow());
        assertThat(location.getScheme() + "://" + location.getRawAuthority()).isEqualTo(tier.front.baseUrl());
        return get(location.getRawPath() + "?" + location.getRawQuery(), cookie);
    }

    private static HttpResponse<String> get(String pathAndQuery, String cookie) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(tier.front.baseUrl() + pathAndQuery)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
