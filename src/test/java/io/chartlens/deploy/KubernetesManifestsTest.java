package io.chartlens.deploy;

import static io.chartlens.deploy.KubernetesManifests.containerPort;
import static io.chartlens.deploy.KubernetesManifests.envOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifests in {@code src/main/kubernetes}: each object against the Kubernetes schema (the fabric8 model, with
 * unknown fields refused), then against each other, the README's Secret and the rules for production (sandbox off,
 * no literal secrets, pinned image, non-root on a read-only root filesystem).
 */
class KubernetesManifestsTest {

    static final String SECRET = "chartlens-secrets";
    /** Environment variable names whose values are secrets: they must come from a Secret, never a literal. */
    static final Pattern SECRET_NAME = Pattern.compile("KEY|PASSWORD|SECRET|TOKEN|JWK");
    static final int HTTP_PORT = 9080;

    static KubernetesManifests manifests;

    @BeforeAll
    static void load() throws IOException {
        manifests = KubernetesManifests.load();
    }

    @Test
    void everyObjectIsAKnownKindInItsStableApiVersion() {
        for (KubernetesManifests.Parsed p : manifests.objects) {
            var kind = KubernetesManifests.KINDS.get(p.object().getKind());
            assertNotNull(kind, p.file() + ": unexpected kind " + p.object().getKind());
            assertEquals(kind.apiVersion(), p.object().getApiVersion(), p.file() + ": apiVersion");
            assertNotNull(p.object().getMetadata().getName(), p.file() + ": metadata.name");
        }
    }

    @Test
    void theFolderHoldsADeploymentServiceConfigMapsAutoscalerAndDisruptionBudget() {
        Set<String> kinds = manifests.objects.stream().map(p -> p.object().getKind()).collect(Collectors.toSet());
        assertEquals(KubernetesManifests.KINDS.keySet(), kinds);
        assertNotNull(manifests.configMap("chartlens-config"));
        assertNotNull(manifests.configMap("chartlens-smart-config"));
    }

    @Test
    void kustomizationListsEveryManifestAndNothingElse() throws IOException {
        JsonNode kustomization = new ObjectMapper(new YAMLFactory())
                .readTree(KubernetesManifests.DIR.resolve("kustomization.yaml").toFile());
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = KubernetesManifests.files().stream().map(f -> f.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, listed, "kustomization.yaml resources");
        kustomization.path("images").forEach(image -> assertPinned("kustomization.yaml image " + image,
                image.path("newTag").asText(null), image.path("digest").asText(null)));
    }

    @Test
    void runsAtLeastTwoReplicasSelectedByThePodLabels() {
        assertTrue(manifests.deployment().getSpec().getReplicas() >= 2, "replicas");
        assertLabelsMatch("Deployment selector", manifests.deployment().getSpec().getSelector().getMatchLabels());
    }

    @Test
    void probesAskMicroProfileHealthOnTheHttpPort() {
        Container app = manifests.appContainer();
        assertHttpProbe("readinessProbe", app.getReadinessProbe(), "/health/ready", app);
        assertHttpProbe("livenessProbe", app.getLivenessProbe(), "/health/live", app);
        assertHttpProbe("startupProbe", app.getStartupProbe(), "/health/started", app);
    }

    @Test
    void serviceSendsTrafficToTheDeploymentsHttpPort() {
        Service service = manifests.only(Service.class);
        assertLabelsMatch("Service selector", service.getSpec().getSelector());
        service.getSpec().getPorts().forEach(port -> assertEquals(HTTP_PORT,
                containerPort(manifests.appContainer(), port.getTargetPort()), "Service targetPort"));
    }

    @Test
    void autoscalerAndDisruptionBudgetTargetTheDeployment() {
        HorizontalPodAutoscaler hpa = manifests.only(HorizontalPodAutoscaler.class);
        var target = hpa.getSpec().getScaleTargetRef();
        assertEquals("apps/v1", target.getApiVersion());
        assertEquals("Deployment", target.getKind());
        assertEquals(manifests.deployment().getMetadata().getName(), target.getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "HPA minReplicas");
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(), "HPA maxReplicas");
        assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                && "cpu".equals(m.getResource().getName())), "HPA scales on CPU");

        PodDisruptionBudget pdb = manifests.only(PodDisruptionBudget.class);
        assertLabelsMatch("PDB selector", pdb.getSpec().getSelector().getMatchLabels());
        assertEquals(1, pdb.getSpec().getMinAvailable().getIntVal(), "PDB minAvailable");
    }

    @Test
    void everyConfigMapAndSecretReferenceNamesAKeyThatExists() {
        String deploymentSection = Readme.section("Deployment");
        Set<String> secretCommandKeys = secretKeysInCreateCommand(deploymentSection);
        for (Container c : manifests.allContainers()) {
            if (c.getEnvFrom() != null) {
                c.getEnvFrom().forEach(source -> {
                    assertTrue(source.getSecretRef() == null, c.getName() + ": envFrom a Secret hides its keys");
                    assertNotNull(manifests.configMap(source.getConfigMapRef().getName()),
                            c.getName() + ": envFrom ConfigMap " + source.getConfigMapRef().getName());
                });
            }
            for (EnvVar env : envOf(c)) {
                var cmRef = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
                if (cmRef != null) {
                    ConfigMap cm = manifests.configMap(cmRef.getName());
                    assertNotNull(cm, env.getName() + ": ConfigMap " + cmRef.getName());
                    assertTrue(cm.getData().containsKey(cmRef.getKey()), env.getName() + ": key " + cmRef.getKey());
                }
                var secretRef = env.getValueFrom() == null ? null : env.getValueFrom().getSecretKeyRef();
                if (secretRef != null) {
                    assertEquals(SECRET, secretRef.getName(), env.getName() + ": the one documented Secret");
                    boolean optional = Boolean.TRUE.equals(secretRef.getOptional());
                    assertTrue(optional || secretCommandKeys.contains(secretRef.getKey()), env.getName()
                            + ": required key " + secretRef.getKey() + " is missing from README's create command");
                    assertTrue(deploymentSection.contains("`" + secretRef.getKey() + "`"), env.getName()
                            + ": key " + secretRef.getKey() + " is not described in README's Deployment section");
                }
            }
        }
        for (Volume volume : manifests.deployment().getSpec().getTemplate().getSpec().getVolumes()) {
            if (volume.getConfigMap() != null) {
                ConfigMap cm = manifests.configMap(volume.getConfigMap().getName());
                assertNotNull(cm, "volume " + volume.getName());
                Set<String> mapped = volume.getConfigMap().getItems().stream().map(i -> i.getKey())
                        .collect(Collectors.toSet());
                assertEquals(cm.getData().keySet(), mapped,
                        "volume " + volume.getName() + " maps each file of " + cm.getMetadata().getName() + " once");
            }
        }
    }

    @Test
    void noSecretIsWrittenAsALiteralValue() {
        for (Container c : manifests.allContainers()) {
            for (EnvVar env : envOf(c)) {
                if (SECRET_NAME.matcher(env.getName()).find()) {
                    assertTrue(env.getValue() == null && env.getValueFrom() != null
                                    && env.getValueFrom().getSecretKeyRef() != null,
                            c.getName() + ": " + env.getName() + " must come from the Secret");
                }
            }
            if (c.getEnvFrom() != null) {
                c.getEnvFrom().forEach(source -> manifests.configMap(source.getConfigMapRef().getName()).getData()
                        .keySet().forEach(key -> assertFalse(SECRET_NAME.matcher(key).find(),
                                source.getConfigMapRef().getName() + " holds " + key + ", which belongs in the Secret")));
            }
        }
    }

    @Test
    void theSandboxEhrIsExplicitlyOff() {
        EnvVar sandbox = envOf(manifests.appContainer()).stream()
                .filter(e -> e.getName().equals("CHARTLENS_SANDBOX_ENABLED")).findFirst()
                .orElseThrow(() -> new AssertionError("CHARTLENS_SANDBOX_ENABLED is not set"));
        assertEquals("false", sandbox.getValue());
        for (Container c : manifests.allContainers()) {
            envOf(c).stream().filter(e -> e.getName().equals("CHARTLENS_SANDBOX_ENABLED"))
                    .forEach(e -> assertEquals("false", e.getValue(), c.getName()));
        }
        manifests.all(ConfigMap.class).forEach(cm -> {
            String value = cm.getData().get("CHARTLENS_SANDBOX_ENABLED");
            assertTrue(value == null || value.equals("false"), cm.getMetadata().getName());
        });
    }

    @Test
    void imagesArePinnedToAVersion() {
        for (Container c : manifests.allContainers()) {
            String image = c.getImage();
            int at = image.indexOf('@');
            int colon = image.lastIndexOf(':');
            String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : null;
            assertPinned(c.getName() + " image " + image, at < 0 ? tag : null, at < 0 ? null : image.substring(at + 1));
        }
    }

    @Test
    void containersRunAsNonRootOnAReadOnlyRootWithLimits() {
        var pod = manifests.deployment().getSpec().getTemplate().getSpec();
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), "pod runAsNonRoot");
        for (Container c : manifests.allContainers()) {
            var sc = c.getSecurityContext();
            assertNotNull(sc, c.getName() + ": securityContext");
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), c.getName() + ": readOnlyRootFilesystem");
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), c.getName() + ": allowPrivilegeEscalation");
            assertTrue(sc.getCapabilities().getDrop().contains("ALL"), c.getName() + ": drops all capabilities");
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(c.getResources().getRequests().get(resource), c.getName() + ": request " + resource);
                assertNotNull(c.getResources().getLimits().get(resource), c.getName() + ": limit " + resource);
            }
        }
        // where Liberty writes at run time, on a read-only root
        Set<String> emptyDirs = pod.getVolumes().stream().filter(v -> v.getEmptyDir() != null).map(Volume::getName)
                .collect(Collectors.toSet());
        Map<String, String> mounts = manifests.appContainer().getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, VolumeMount::getName));
        for (String path : List.of("/opt/ol/wlp/output", "/logs", "/tmp")) {
            assertTrue(emptyDirs.contains(mounts.get(path)), path + " must be an emptyDir");
        }
    }

    @Test
    void smartConfigFilesAreJsonAndTheConfigDirIsMounted() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, String> file : manifests.configMap("chartlens-smart-config").getData().entrySet()) {
            assertTrue(file.getKey().endsWith(".json"), file.getKey());
            json.readTree(file.getValue());
        }
        String configDir = manifests.configMap("chartlens-config").getData().get("CHARTLENS_CONFIG_DIR");
        assertTrue(manifests.appContainer().getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals(configDir)), "CHARTLENS_CONFIG_DIR " + configDir + " is mounted");
    }

    static void assertLabelsMatch(String what, Map<String, String> selector) {
        Map<String, String> podLabels = manifests.deployment().getSpec().getTemplate().getMetadata().getLabels();
        assertFalse(selector == null || selector.isEmpty(), what + " is empty");
        selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), what + " " + k + " must match the pod labels"));
    }

    static void assertHttpProbe(String name, Probe probe, String path, Container c) {
        assertNotNull(probe, name);
        assertNotNull(probe.getHttpGet(), name + " is an HTTP GET");
        assertEquals(path, probe.getHttpGet().getPath(), name + " path");
        assertEquals(HTTP_PORT, containerPort(c, probe.getHttpGet().getPort()), name + " port");
    }

    static void assertPinned(String what, String tag, String digest) {
        if (digest != null) {
            assertTrue(digest.startsWith("sha256:"), what + ": digest");
            return;
        }
        assertTrue(tag != null && !tag.isBlank(), what + " has no tag");
        assertFalse(tag.equals("latest"), what + " uses :latest");
    }

    /** The keys of {@code kubectl create secret generic chartlens-secrets ...} in the given README text. */
    static Set<String> secretKeysInCreateCommand(String text) {
        int start = text.indexOf("kubectl create secret generic " + SECRET);
        assertTrue(start >= 0, "README's Deployment section shows `kubectl create secret generic " + SECRET + "`");
        int end = text.indexOf("```", start);
        String command = text.substring(start, end < 0 ? text.length() : end);
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=").matcher(command);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
