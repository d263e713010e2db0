package org.onboarding.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a setting of an {@code @ConfigurationProperties} record must stay below, written as the
 * setting itself is; that value or more stops the start (see {@link SettingChecks}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Below {

    String value();
}
