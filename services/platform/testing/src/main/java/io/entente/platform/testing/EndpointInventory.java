package io.entente.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method of a service, found by reflection over the compiled classes of the given packages
 * (the service's own and the platform's, e.g. {@code /api/me}): HTTP method, full path template and who may call
 * it. {@link #assertSameAs(List, JsonNode)} cross-checks the list against the OpenAPI document the running service
 * serves, so a resource outside the scanned packages cannot slip through either.
 */
public final class EndpointInventory {

    private EndpointInventory() {
    }

    /** How a method is secured, from its own annotations or else its class's. */
    public enum Access { ROLES, PERMIT_ALL, DENY_ALL, UNANNOTATED }

    /**
     * One resource method.
     *
     * @param path   the full path template, parameters without their regular expressions ({@code /api/x/{id}})
     * @param roles  the roles of {@code @RolesAllowed} (empty unless {@code access} is ROLES)
     * @param source declaring class and method, for messages
     */
    public record Endpoint(String method, String path, Access access, Set<String> roles, String source) {

        /** {@code METHOD /path/{param}}: how rows and messages name an endpoint. */
        public String key() {
            return method + " " + path;
        }

        /** Anything but a read. */
        public boolean isChange() {
            return !Set.of("GET", "HEAD", "OPTIONS").contains(method);
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** The resource methods of every class under the given packages on the class path, sorted by path and method. */
    public static List<Endpoint> scan(String... packages) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Set<String> classNames = new TreeSet<>();
        for (String pkg : packages) {
            classNames.addAll(classesUnder(ClassLoader.getSystemClassLoader(), pkg));
            classNames.addAll(classesUnder(loader, pkg));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // e.g. a test-only class whose dependencies are absent: not a resource of the service
            }
            endpoints.addAll(endpointsOf(type));
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return List.copyOf(endpoints);
    }

    /** The resource methods one class declares (none unless it carries {@code @Path}). */
    public static List<Endpoint> endpointsOf(Class<?> type) {
        Path classPath = type.getAnnotation(Path.class);
        if (classPath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return List.of();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : type.getMethods()) {
            String http = httpMethod(method);
            Path methodPath = method.getAnnotation(Path.class);
            if (http == null) {
                if (methodPath != null) {
                    throw new IllegalStateException(type.getName() + "#" + method.getName()
                            + " is a sub-resource locator; list its endpoints explicitly in the inventory");
                }
                continue;
            }
            String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
            endpoints.add(new Endpoint(http, path, access(type, method), roles(type, method),
                    type.getSimpleName() + "#" + method.getName()));
        }
        return endpoints;
    }

    /**
     * Fails unless the service's OpenAPI document (GET /q/openapi?format=json) lists exactly the scanned
     * endpoints: a resource in a package nobody scanned would otherwise escape the access matrix.
     */
    public static void assertSameAs(List<Endpoint> inventory, JsonNode openApi) {
        Set<String> documented = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(op -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op)) {
                    documented.add(op.toUpperCase() + " " + normalise(path.getKey()));
                }
            });
        }
        Set<String> scanned = new TreeSet<>();
        inventory.forEach(e -> scanned.add(e.key()));
        Set<String> undocumented = new TreeSet<>(scanned);
        undocumented.removeAll(documented);
        Set<String> unscanned = new TreeSet<>(documented);
        unscanned.removeAll(scanned);
        if (!undocumented.isEmpty() || !unscanned.isEmpty()) {
            throw new AssertionError("the scanned resources and the service's OpenAPI document disagree; served but "
                    + "not scanned (add its package to the scan): " + unscanned + "; scanned but not served: "
                    + undocumented);
        }
    }

    static String join(String classPath, String methodPath) {
        return normalise("/" + classPath + "/" + methodPath);
    }

    /** Collapses slashes, drops a trailing one and the regular expressions of parameters ({v: [0-9]+} → {v}). */
    static String normalise(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static Access access(Class<?> type, Method method) {
        Access own = accessOf(method.getAnnotation(RolesAllowed.class), method.isAnnotationPresent(PermitAll.class),
                method.isAnnotationPresent(DenyAll.class));
        return own != Access.UNANNOTATED ? own : accessOf(type.getAnnotation(RolesAllowed.class),
                type.isAnnotationPresent(PermitAll.class), type.isAnnotationPresent(DenyAll.class));
    }

    private static Access accessOf(RolesAllowed roles, boolean permitAll, boolean denyAll) {
        return roles != null ? Access.ROLES : permitAll ? Access.PERMIT_ALL : denyAll ? Access.DENY_ALL
                : Access.UNANNOTATED;
    }

    private static Set<String> roles(Class<?> type, Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && access(type, method) == Access.ROLES) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        return roles == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(List.of(roles.value())));
    }

    private static Set<String> classesUnder(ClassLoader loader, String pkg) {
        String dir = pkg.replace('.', '/');
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(dir);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    java.nio.file.Path base = java.nio.file.Path.of(root.toURI());
                    try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                        files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(
                                className(dir + "/" + base.relativize(f).toString().replace('\\', '/'))));
                    }
                } else if ("jar".equals(root.getProtocol())
                        && root.openConnection() instanceof JarURLConnection connection) {
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(JarEntry::getName)
                                .filter(n -> n.startsWith(dir + "/") && n.endsWith(".class"))
                                .forEach(n -> names.add(className(n)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.removeIf(n -> n.endsWith("package-info") || n.endsWith("module-info"));
        return names;
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }
}
