package org.onboarding.settings;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

import com.google.common.base.Throwables;

/**
 * Checks every {@code onboard.*} setting as it is bound to its {@code @ConfigurationProperties}
 * record, whichever record it belongs to: a value that is not of its type (a number, a duration), or
 * out of the range its {@link AtLeast} and {@link Below} state, stops the start with an
 * {@link UnusableSettingException} naming the setting as the operator wrote it (the environment
 * variable, else the property), its value, and what is allowed. Without it, a chunk size of 0 was
 * bound as is and failed the first import, and {@code abc} was told as {@code For input string: "abc"}.
 */
@Component
class SettingChecks implements ConfigurationPropertiesBindHandlerAdvisor {

    @Override
    public BindHandler apply(BindHandler bindHandler) {
        return new AbstractBindHandler(bindHandler) {

            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
                String broken = brokenRange(target, result);
                if (broken != null) {
                    throw refused(name, context, "must be " + broken);
                }
                return super.onSuccess(name, target, context, result);
            }

            @Override
            public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error)
                    throws Exception {
                boolean toldAlready = Throwables.getCausalChain(error).stream().anyMatch(UnusableSettingException.class::isInstance);
                if (!toldAlready && context.getConfigurationProperty() != null && isScalar(target)) {
                    throw refused(name, context, "must be " + describe(target));
                }
                return super.onFailure(name, target, context, error);
            }
        };
    }

    /** What {@code target} allows, when {@code result} is outside it; null when it is inside. */
    private static String brokenRange(Bindable<?> target, Object result) {
        AtLeast least = target.getAnnotation(AtLeast.class);
        Below below = target.getAnnotation(Below.class);
        boolean outside = (least != null && compare(result, least.value()) < 0)
                || (below != null && compare(result, below.value()) >= 0);
        return outside ? range(target) : null;
    }

    private static int compare(Object value, String bound) {
        if (value instanceof Duration duration) {
            return duration.compareTo(DurationStyle.detectAndParse(bound));
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).compareTo(new BigDecimal(bound));
        }
        throw new IllegalStateException("A range is only checked on numbers and durations, not on " + value.getClass());
    }

    private static boolean isScalar(Bindable<?> target) {
        Class<?> type = target.getType().resolve(Object.class);
        return type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Duration.class
                || type == Boolean.class || type == Path.class;
    }

    /** What a value of {@code target} must be, in an operator's words: its kind, then its range. */
    private static String describe(Bindable<?> target) {
        Class<?> type = target.getType().resolve(Object.class);
        String kind;
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            kind = "a whole number";
        } else if (type == Duration.class) {
            kind = "a duration such as 500ms, 10s, 5m or 8h";
        } else if (type == boolean.class || type == Boolean.class) {
            kind = "true or false";
        } else if (type == Path.class) {
            kind = "a path";
        } else {
            kind = "a number";
        }
        String range = range(target);
        return range.isEmpty() ? kind : kind + ", " + range;
    }

    private static String range(Bindable<?> target) {
        List<String> limits = new ArrayList<>();
        AtLeast least = target.getAnnotation(AtLeast.class);
        Below below = target.getAnnotation(Below.class);
        if (least != null) {
            limits.add("at least " + least.value());
        }
        if (below != null) {
            limits.add("below " + below.value());
        }
        return String.join(" and ", limits);
    }

    private static UnusableSettingException refused(ConfigurationPropertyName name, BindContext context, String rule) {
        ConfigurationProperty property = context.getConfigurationProperty();
        String value = property == null ? "" : String.valueOf(property.getValue());
        return new UnusableSettingException(settingName(name, property) + "=" + value + ": " + rule);
    }

    /** The setting as the operator gave it: {@code ONBOARD_CHUNK_SIZE} when it came from the environment. */
    private static String settingName(ConfigurationPropertyName name, ConfigurationProperty property) {
        Origin origin = property == null ? null : property.getOrigin();
        if (origin instanceof SystemEnvironmentOrigin environment) {
            return environment.getProperty();
        }
        if (origin instanceof PropertySourceOrigin source && source.getPropertySource() instanceof SystemEnvironmentPropertySource) {
            return source.getPropertyName();
        }
        return name.toString();
    }
}
