package io.chartlens.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The objects of {@code src/main/kubernetes}, each read into its fabric8 model class with unknown fields refused,
 * and the lookups the manifest checks need.
 */
final class KubernetesManifests {

    static final Path DIR = Path.of("src/main/kubernetes");

    /** apiVersion and model class of every kind the folder may hold. */
    static final Map<String, Kind> KINDS = Map.of(
            "Deployment", new Kind("apps/v1", Deployment.class),
            "Service", new Kind("v1", Service.class),
            "ConfigMap", new Kind("v1", ConfigMap.class),
            "HorizontalPodAutoscaler", new Kind("autoscaling/v2", HorizontalPodAutoscaler.class),
            "PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class));

    record Kind(String apiVersion, Class<? extends HasMetadata> model) {
    }

    record Parsed(Path file, HasMetadata object) {
    }

    /**
     * fabric8's model classes collect unknown fields in an {@code @JsonAnySetter} map, which would let a misspelt
     * field through. Without the any-setter, FAIL_ON_UNKNOWN_PROPERTIES refuses it with its path.
     */
    static final ObjectMapper STRICT_YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            });

    final List<Parsed> objects;

    private KubernetesManifests(List<Parsed> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Reads every manifest; fails naming the file and the field that does not match the schema. */
    static KubernetesManifests load() throws IOException {
        List<Parsed> objects = new ArrayList<>();
        for (Path file : files()) {
            objects.addAll(parse(file));
        }
        return new KubernetesManifests(objects);
    }

    /** The manifest files, kustomization.yaml excepted (it is not a Kubernetes object). */
    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().startsWith("kustomization."))
                    .sorted().toList();
        }
    }

    private static List<Parsed> parse(Path file) throws IOException {
        List<Parsed> parsed = new ArrayList<>();
        try (var docs = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .<JsonNode>readValues(file.toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isEmpty()) {
                    continue;
                }
                String kindName = doc.path("kind").asText();
                Kind kind = KINDS.get(kindName);
                if (kind == null) {
                    fail(file + ": unexpected kind '" + kindName + "'");
                }
                try {
                    parsed.add(new Parsed(file, STRICT_YAML.treeToValue(doc, kind.model())));
                } catch (JsonMappingException e) {
                    fail(file + " does not match the " + kindName + " schema: "
                            + e.getOriginalMessage().lines().findFirst().orElse("") + " at " + e.getPathReference());
                }
            }
        }
        return parsed;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().map(Parsed::object).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.get(0);
    }

    /** The ConfigMap of that name in the folder, or null. */
    ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream().filter(cm -> cm.getMetadata().getName().equals(name)).findFirst()
                .orElse(null);
    }

    Deployment deployment() {
        return only(Deployment.class);
    }

    /** The application container and the init containers. */
    List<Container> allContainers() {
        var pod = deployment().getSpec().getTemplate().getSpec();
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }

    Container appContainer() {
        List<Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), "one application container");
        return containers.get(0);
    }

    static List<EnvVar> envOf(Container c) {
        return c.getEnv() == null ? List.of() : c.getEnv();
    }

    /** The container port a probe or Service port refers to, by number or by name. */
    static int containerPort(Container c, IntOrString port) {
        if (port.getIntVal() != null) {
            assertTrue(c.getPorts().stream().anyMatch(p -> p.getContainerPort().equals(port.getIntVal())),
                    "port " + port.getIntVal() + " is not a port of " + c.getName());
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + port.getStrVal() + " in " + c.getName()))
                .getContainerPort();
    }
}
