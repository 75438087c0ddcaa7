package cn.lyg.xilian.ledger.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.LocalDate;

/**
 * {@code xilian.bulletin.*}: the 情况通报's title, issuing office (落款) and, rarely, a fixed date; without a date the
 * document is dated the Monday after its week. The 年度总结 document has its own title ({@code annual-title}, where
 * {@code {year}} stands for the plan year), the same office and fixed date; without a date it is dated the day it is
 * downloaded. Environment: XILIAN_BULLETIN_TITLE, XILIAN_BULLETIN_ANNUAL_TITLE, XILIAN_BULLETIN_OFFICE.
 */
@ConfigurationProperties("xilian.bulletin")
public class BulletinSettings {

    private String title = "锡连南北结对帮扶合作工作情况通报";
    private String annualTitle = "{year}年锡连南北结对帮扶合作工作总结";
    private String office = "连云港市发展和改革委员会";
    private LocalDate date;

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAnnualTitle() {
        return annualTitle;
    }

    public void setAnnualTitle(String annualTitle) {
        this.annualTitle = annualTitle;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }
}
