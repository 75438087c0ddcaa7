package cn.lyg.xilian.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Where the functions keep 佐证材料: the stack's evidence bucket ({@code EVIDENCE_BUCKET}) and, for moto or
 * LocalStack, an S3 endpoint ({@code XILIAN_S3_ENDPOINT}); empty in AWS.
 */
@ConfigurationProperties("xilian.evidence")
public class EvidenceSettings {

    private String bucket = "";
    private String endpoint = "";

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }
}
