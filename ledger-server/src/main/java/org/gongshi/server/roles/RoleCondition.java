package org.gongshi.server.roles;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

public class RoleCondition implements Condition {

    public static final String PROPERTY = "gongshi.roles";
    static final Set<String> KNOWN = Set.of("command", "projections", "api");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String role = (String) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
        return roles(context.getEnvironment().getProperty(PROPERTY, "command,projections,api")).contains(role);
    }

    public static Set<String> roles(String value) {
        Set<String> roles = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        for (String role : roles) {
            if (!KNOWN.contains(role)) {
                throw new IllegalArgumentException(PROPERTY + " has unknown role '" + role + "'; roles are " + KNOWN);
            }
        }
        return roles;
    }
}
