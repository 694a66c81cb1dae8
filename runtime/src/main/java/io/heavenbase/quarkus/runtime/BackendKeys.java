package io.heavenbase.quarkus.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.heavenbase.ConfigurationException;

/**
 * The backend keys that have a property of their own under {@code heavenbase.backends."name".}: the methods of
 * {@link BackendRuntimeConfig}, read here so that the list exists once. SmallRye's {@code @ConfigMapping} is fixed
 * at compile time and is what the generated configuration reference documents, so the typed properties stay an
 * interface; {@code BackendKeysTest} keeps it equal to the keys the built-in providers declare.
 */
public final class BackendKeys {

    /** Keys set at build time, which have a property of their own but are not run-time values. */
    private static final List<String> BUILD_TIME = List.of("type", "datasource");

    private static final List<Method> VALUE_METHODS = Arrays.stream(BackendRuntimeConfig.class.getMethods())
            .filter(method -> method.getParameterCount() == 0 && method.getReturnType() == Optional.class)
            .sorted(Comparator.comparing(Method::getName)).toList();

    private static final Set<String> OWN_PROPERTY = ownProperty();

    private BackendKeys() {
    }

    /** The run-time keys with a typed property whose value the engine receives, e.g. {@code api-key}. */
    public static Set<String> typed() {
        Set<String> keys = new TreeSet<>();
        VALUE_METHODS.forEach(method -> keys.add(kebab(method.getName())));
        return keys;
    }

    /** Whether the key has a property of its own (build or run time), so an {@code options} entry may not set it. */
    public static boolean hasOwnProperty(String key) {
        return OWN_PROPERTY.contains(key);
    }

    /** The typed keys that are set, spelled as in the engine's maps, with their values. */
    static Map<String, Object> typedValues(BackendRuntimeConfig config) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method method : VALUE_METHODS) {
            ((Optional<?>) invoke(method, config)).ifPresent(value -> values.put(kebab(method.getName()), value));
        }
        return values;
    }

    private static Object invoke(Method method, BackendRuntimeConfig config) {
        try {
            return method.invoke(config);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConfigurationException("heavenbase.backends", "cannot read " + kebab(method.getName()) + ": "
                    + e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("BackendRuntimeConfig." + method.getName() + " is not accessible", e);
        }
    }

    private static Set<String> ownProperty() {
        Set<String> keys = new TreeSet<>(BUILD_TIME);
        for (Method method : BackendRuntimeConfig.class.getMethods()) {
            if (method.getParameterCount() == 0 && !method.getReturnType().equals(Map.class)) {
                keys.add(kebab(method.getName()));
            }
        }
        return Set.copyOf(keys);
    }

    /** {@code exactNearLimit} to {@code exact-near-limit}, as SmallRye names the property. */
    static String kebab(String methodName) {
        StringBuilder key = new StringBuilder();
        for (char c : methodName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                key.append('-').append(Character.toLowerCase(c));
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }
}
