package org.gongshi.api.publicsite;

import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.web.Page;

import java.util.List;
import java.util.Map;

/**
 * A bad search field on the public pages, said in Chinese for a member of the public: the form field's name and what it
 * must hold (the JSON API's problem names the parameter in English for a program).
 */
public record FormError(String field, String message, String parameter) {

    private static final Map<String, FormError> BY_PARAMETER = Map.of(
            "q", new FormError("名称", "最多 " + org.gongshi.api.limits.Bounds.NAME + " 个字符，不含控制字符", "q"),
            "uscc", new FormError("统一社会信用代码", "应为 18 位统一社会信用代码，且校验位正确", "uscc"),
            "division", new FormError("行政区划", "应为 1 至 6 位数字的行政区划代码或其前缀，如 11、1101、110105", "division"),
            "ipType", new FormError("知识产权类型", "请从列表中选择", "ipType"),
            "from", new FormError("起始日期", "应为有效日期，如 2026-03-14", "from"),
            "to", new FormError("截止日期", "应为有效日期，如 2026-03-14，且不早于起始日期", "to"),
            "page", new FormError("页码", "应为 0 至 " + PublicPagesController.MAX_PAGE + " 的整数", "page"),
            "size", new FormError("每页条数", "应为 1 至 " + Page.MAX_SIZE + " 的整数", "size"),
            "year", new FormError("年份", "应为 2000 至 2100 年间的四位数字年份，如 2026", "year"));

    /** A first day after the last, in the form's words. */
    private static final FormError FROM_AFTER_TO = new FormError("起始日期", "不能晚于截止日期", "from");
    /** A name part of middle dots only, in the form's words. */
    private static final FormError NOTHING_TO_SEARCH = new FormError("名称", "请输入名称中的文字；间隔号（·）不参与查找", "q");

    /**
     * Every one of the request's problems, for the page, in the form's words: a parameter the form does not have (only the
     * guard names one) in general words.
     */
    static List<FormError> all(InvalidRequest invalid) {
        return invalid.errors().stream().map(FormError::of).distinct().toList();
    }

    /** The parameters the errors are about: their fields are marked invalid and described by the error ({@code aria-invalid}). */
    static java.util.Set<String> parameters(InvalidRequest invalid) {
        return all(invalid).stream().map(FormError::parameter).collect(java.util.stream.Collectors.toSet());
    }

    private static FormError of(InvalidRequest.FieldProblem problem) {
        if (problem.field().equals("from") && problem.message().equals(PublicQueries.FROM_AFTER_TO)) return FROM_AFTER_TO;
        if (problem.field().equals("q") && problem.message().equals(PublicQueries.NOTHING_TO_SEARCH)) return NOTHING_TO_SEARCH;
        FormError named = BY_PARAMETER.getOrDefault(problem.field(), new FormError(problem.field().startsWith("query parameter") ? "查询参数"
                : "查询参数“" + problem.field() + "”", "不得含控制字符，最多 " + Bounds.QUERY_VALUE + " 个字符", problem.field()));
        // a field given twice (a link or a bookmark edited by hand): said as such, never searched as both joined by a comma
        if (problem.message().endsWith(org.gongshi.api.input.QueryGuard.SEND_ONCE)) return new FormError(named.field(), "只能填写一次，请求中出现了多次", named.parameter());
        return named;
    }
}
