package org.iepmp.app.settings;

/** Colour themes; high contrast is for screen shares and bright shop floors. */
public enum Theme {
    LIGHT, DARK
}
