package org.gongshi.api.limits;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal says the bound in the field's own terms (sweep from outside: 21 penalties were told "must have between 0 and
 * 20 characters (or list elements)", though an empty list is refused too): every {@code @Size} of a request's list names
 * {@link Bounds#ITEMS}; a text's bound is a {@code @CodePointLength} from nothing, as its message says ("must have at most
 * {max} characters"), so a character outside the Basic Multilingual Plane counts once (a sweep from outside, stop 77: 101
 * characters 𠮷 were refused as over a name's 200, counted in UTF-16 units by {@code @Size}).
 */
class BoundMessagesTest {

    @Test
    void every_size_bound_of_a_request_is_said_in_its_own_terms() {
        List<String> lists = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gongshi.api")) {
            if (!type.reflect().isRecord()) continue;
            for (Field field : type.reflect().getDeclaredFields()) {
                String name = type.getSimpleName() + "." + field.getName();
                Size size = field.getAnnotation(Size.class);
                if (size != null) {
                    assertThat(field.getType()).as("%s: @Size bounds only lists; a text's is @CodePointLength", name).isAssignableTo(Collection.class);
                    assertThat(size.message()).as("%s: a list's bound counts items", name).isEqualTo(Bounds.ITEMS);
                    lists.add(name);
                }
                CodePointLength length = field.getAnnotation(CodePointLength.class);
                if (length != null) {
                    assertThat(field.getType()).as(name).isEqualTo(String.class);
                    assertThat(length.min()).as("%s: the default message says only the most", name).isZero();
                    assertThat(length.message()).as(name).isEqualTo("{org.hibernate.validator.constraints.CodePointLength.message}");
                    texts.add(name);
                }
            }
        }
        assertThat(lists).as("the bounded lists found").contains("NoticeRequest.proposedPenalties", "TokenRequest.roles");
        assertThat(texts).as("the bounded texts found").contains("DecisionRequest.facts", "PartyRequest.name");
    }
}
