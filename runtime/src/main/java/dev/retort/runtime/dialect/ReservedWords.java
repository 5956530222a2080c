package dev.retort.runtime.dialect;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** The reserved words of the MariaDB/MySQL and SQLite dialects, lower case, for {@code requiresQuoting}. */
final class ReservedWords {

    private ReservedWords() {
    }

    /** MariaDB 10.11's reserved words with MySQL 8.0's added (a name either refuses unquoted is quoted). */
    static final Set<String> MARIADB = words("""
            accessible add all alter analyze and as asc asensitive before between bigint binary blob both by
            call cascade case change char character check collate column condition constraint continue convert
            create cross cube cume_dist current_date current_role current_time current_timestamp current_user
            cursor database databases day_hour day_microsecond day_minute day_second dec decimal declare default
            delayed delete delete_domain_id dense_rank desc describe deterministic distinct distinctrow div
            do_domain_ids double drop dual each else elseif empty enclosed escaped except exists exit explain
            false fetch first_value float float4 float8 for force foreign from fulltext function general generated
            get grant group grouping groups having high_priority hour_microsecond hour_minute hour_second if
            ignore ignore_domain_ids ignore_server_ids in index infile inner inout insensitive insert int int1
            int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids is iterate join
            json_table key keys kill lag last_value lateral lead leading leave left like limit linear lines load
            localtime localtimestamp lock long longblob longtext loop low_priority master_bind
            master_heartbeat_period master_ssl_verify_server_cert match maxvalue mediumblob mediumint mediumtext
            middleint minute_microsecond minute_second mod modifies natural not no_write_to_binlog nth_value
            ntile null numeric of offset on optimize optimizer_costs option optionally or order out outer
            outfile over page_checksum parse_vcol_expr partition percent_rank position precision primary
            procedure purge range rank read reads read_write real recursive ref_system_id references regexp
            release rename repeat replace require resignal restrict return returning revoke right rlike row
            row_number rows schema schemas second_microsecond select sensitive separator set show signal
            slow smallint spatial specific sql sql_big_result sql_calc_found_rows sql_small_result sqlexception
            sqlstate sqlwarning ssl starting stats_auto_recalc stats_persistent stats_sample_pages stored
            straight_join system table terminated then tinyblob tinyint tinytext to trailing trigger true undo
            union unique unlock unsigned update usage use using utc_date utc_time utc_timestamp values varbinary
            varchar varcharacter varying virtual when where while window with write xor year_month zerofill
            """);

    /** SQLite's keywords (https://sqlite.org/lang_keywords.html): any of them may need quoting somewhere. */
    static final Set<String> SQLITE = words("""
            abort action add after all alter always analyze and as asc attach autoincrement before begin
            between by cascade case cast check collate column commit conflict constraint create cross current
            current_date current_time current_timestamp database default deferrable deferred delete desc detach
            distinct do drop each else end escape except exclude exclusive exists explain fail filter first
            following for foreign from full generated glob group groups having if ignore immediate in index
            indexed initially inner insert instead intersect into is isnull join key last left like limit match
            materialized natural no not nothing notnull null nulls of offset on or order others outer over
            partition plan pragma preceding primary query raise range recursive references regexp reindex
            release rename replace restrict returning right rollback row rows savepoint select set table temp
            temporary then ties to transaction trigger unbounded union unique update using vacuum values view
            virtual when where window with without
            """);

    static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    private static Set<String> words(String text) {
        return Set.copyOf(Arrays.asList(text.strip().split("\\s+")));
    }
}
