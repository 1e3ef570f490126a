package org.gongshi.server.roles;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Active when {@code gongshi.roles} (comma-separated {@code command}, {@code projections}, {@code api};
 * default all three) includes the role.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(RoleCondition.class)
public @interface ConditionalOnRole {
    String value();
}
