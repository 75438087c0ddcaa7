package cn.lyg.xilian.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code xilian.web.*}: settings of the form and the JSON API. */
@ConfigurationProperties("xilian.web")
public class WebSettings {

    /** Request bodies above this are refused with 413 BODY_TOO_LARGE (documented: 64 KB). */
    private int maxBodyBytes = 64 * 1024;
    /** The session cookie; served over https it is named {@code __Host-<name>}. */
    private String cookieName = "xilian_session";
    /** Progress submissions accepted per credential per minute (form and API together); more → 429. */
    private int submissionsPerMinute = 20;
    /** Used by the admin command to print sign-in links, e.g. https://xilian.example.cn */
    private String publicBaseUrl = "http://localhost:8080";
    /** How long the plan read from DynamoDB is reused, in seconds. The plan changes a few times a year. */
    private int planCacheSeconds = 60;
    /** Where received evidence files wait while they are checked (deleted after each request); the JVM's by default. */
    private String uploadTempDir = System.getProperty("java.io.tmpdir");

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public String getCookieName() {
        return cookieName;
    }

    public void setCookieName(String cookieName) {
        this.cookieName = cookieName;
    }

    public int getSubmissionsPerMinute() {
        return submissionsPerMinute;
    }

    public void setSubmissionsPerMinute(int submissionsPerMinute) {
        this.submissionsPerMinute = submissionsPerMinute;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    public int getPlanCacheSeconds() {
        return planCacheSeconds;
    }

    public void setPlanCacheSeconds(int planCacheSeconds) {
        this.planCacheSeconds = planCacheSeconds;
    }

    public String getUploadTempDir() {
        return uploadTempDir;
    }

    public void setUploadTempDir(String uploadTempDir) {
        this.uploadTempDir = uploadTempDir;
    }
}
