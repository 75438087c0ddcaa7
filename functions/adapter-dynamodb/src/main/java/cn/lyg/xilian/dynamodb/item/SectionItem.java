package cn.lyg.xilian.dynamodb.item;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** A section heading: sk {@code SECTION#<id>}. */
@DynamoDbBean
public class SectionItem extends CatalogItem {
    private String id;
    private String title;
    private String field;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /** {@code Field} enum name, absent outside section 三. */
    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }
}
