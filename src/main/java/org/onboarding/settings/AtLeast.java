package org.onboarding.settings;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least value a setting of an {@code @ConfigurationProperties} record may take, written as the
 * setting itself is ({@code "1"}, {@code "0.5"}, {@code "1ms"}); a smaller value stops the start
 * (see {@link SettingChecks}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface AtLeast {

    String value();
}
