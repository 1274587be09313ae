package dev.bazaar.kernel.category;

/** The kind of value a category attribute holds. */
public enum AttributeType {

    TEXT, NUMBER, BOOLEAN, CHOICE

}
