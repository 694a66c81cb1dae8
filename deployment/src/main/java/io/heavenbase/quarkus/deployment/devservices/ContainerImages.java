package io.heavenbase.quarkus.deployment.devservices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.testcontainers.utility.DockerImageName;

import io.heavenbase.ConfigurationException;

/** The image each container type runs: the default, or {@code heavenbase.devservices.images."type"}. */
final class ContainerImages {

    private ContainerImages() {
    }

    /**
     * The image of every backend type that has a container.
     *
     * @param configured {@code heavenbase.devservices.images}, by backend type
     * @throws ConfigurationException naming the property when a key is not a type with a container or a value is
     *         not an image name
     */
    static Map<String, String> resolve(Map<String, String> configured) {
        Map<String, String> images = new LinkedHashMap<>();
        for (String type : new TreeSet<>(ContainerDefinitions.types())) {
            images.put(type, ContainerDefinitions.of(type).defaultImage());
        }
        for (Map.Entry<String, String> entry : configured.entrySet()) {
            String property = "heavenbase.devservices.images.\"" + entry.getKey() + "\"";
            if (!images.containsKey(entry.getKey())) {
                throw new ConfigurationException(property, property + " names no backend type with a Dev Services"
                        + " container; the types with one are " + images.keySet());
            }
            String image = entry.getValue().trim();
            try {
                DockerImageName.parse(image).assertValid();
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(property,
                        property + " must be a container image name such as postgres:17, got '" + entry.getValue()
                                + "'",
                        e);
            }
            images.put(entry.getKey(), image);
        }
        return images;
    }
}
