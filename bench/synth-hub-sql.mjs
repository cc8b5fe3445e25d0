// The SQL that turns the generator's flat tab-separated rows into hub-api.md §12's parquet:
// nested baseModels {relation, models: [{_id, id}]}, safetensors {parameters: map, total}, gguf
// {total, architecture, context_length}, config {architectures, model_type, tokenizer_config
// {chat_template, …}}, and the wide columns a reader should skip: siblings (one struct per file),
// cardData (the card as JSON, with per-model text) and the chat templates.

const quote = (text) => `'${String(text).replace(/'/g, "''")}'`;

const TEMPLATE_PIECES = [
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}",
  "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% else %}{{ message['content'] + eos_token }}{% endif %}{% endfor %}",
  "{% set loop_messages = messages %}{% for message in loop_messages %}{% set content = '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{{ content }}{% endfor %}",
];

export function buildParquetSql(tsv, out) {
  const columns = {
    id: 'VARCHAR', author: 'VARCHAR', created: 'VARCHAR', modified: 'VARCHAR', downloads: 'BIGINT', downloadsAllTime: 'BIGINT',
    likes: 'BIGINT', trendingScore: 'DOUBLE', pipeline_tag: 'VARCHAR', library_name: 'VARCHAR', tags: 'VARCHAR', relation: 'VARCHAR',
    parents: 'VARCHAR', st_total: 'BIGINT', gguf_total: 'BIGINT', gguf_arch: 'VARCHAR', arch: 'VARCHAR', model_type: 'VARCHAR',
    license: 'VARCHAR', gated: 'VARCHAR', template: 'INTEGER', files: 'INTEGER', card: 'VARCHAR',
  };
  const columnSpec = `{${Object.entries(columns).map(([k, v]) => `${quote(k)}: ${quote(v)}`).join(', ')}}`;
  const templates = `[${TEMPLATE_PIECES.map(quote).join(', ')}]`;
  const name = "split_part(id, '/', -1)";
  return `
COPY (
  WITH raw AS (
    SELECT * FROM read_csv(${quote(tsv)}, delim = '\t', header = false, quote = '', escape = '', nullstr = '',
      auto_detect = false, columns = ${columnSpec})
  )
  SELECT
    id,
    author,
    strptime(created, '%Y-%m-%d %H:%M:%S.%g') AS createdAt,
    strptime(modified, '%Y-%m-%d %H:%M:%S.%g') AS lastModified,
    downloads,
    downloadsAllTime,
    likes,
    trendingScore,
    pipeline_tag,
    library_name,
    CASE WHEN tags IS NULL THEN []::VARCHAR[] ELSE string_split(tags, chr(31)) END AS tags,
    CASE WHEN relation IS NULL THEN NULL ELSE struct_pack(
      relation := relation,
      models := list_transform(string_split(parents, chr(31)), p -> struct_pack(_id := substr(md5(p), 1, 24), id := p))
    ) END AS baseModels,
    CASE WHEN st_total IS NULL THEN NULL ELSE struct_pack(
      parameters := map([CASE WHEN st_total % 7 = 0 THEN 'F32' ELSE 'BF16' END], [st_total]),
      total := st_total
    ) END AS safetensors,
    CASE WHEN gguf_total IS NULL THEN NULL ELSE struct_pack(total := gguf_total, architecture := gguf_arch, context_length := 32768::BIGINT) END AS gguf,
    CASE WHEN arch IS NULL AND model_type IS NULL THEN NULL ELSE struct_pack(
      architectures := CASE WHEN arch IS NULL THEN NULL ELSE [arch] END,
      model_type := model_type,
      tokenizer_config := CASE WHEN template IS NULL THEN NULL ELSE struct_pack(
        chat_template := repeat(${templates}[1 + template % 3], 1 + template % 4) || ' {# ' || template || ' #}',
        bos_token := '<s>',
        eos_token := '</s>'
      ) END
    ) END AS config,
    CASE WHEN card IS NULL THEN NULL ELSE to_json(struct_pack(
      license := license,
      base_model := CASE WHEN parents IS NULL THEN NULL ELSE string_split(parents, chr(31)) END,
      library_name := library_name,
      pipeline_tag := pipeline_tag,
      datasets := [${quote('HuggingFaceH4/ultrachat_200k')}, 'data-' || substr(md5(id || 'd'), 1, 10)],
      language := ['en'],
      widget := [struct_pack(text := 'Tell me about ' || ${name} || '. ' || md5(id || 'w'))],
      model_index := [struct_pack(name := ${name}, results := [struct_pack(
        task := struct_pack(type := coalesce(pipeline_tag, 'unknown')),
        metrics := [struct_pack(type := 'accuracy', value := (hash(id) % 10000) / 100.0, verified := false)],
        source := struct_pack(url := 'https://example.org/eval/' || md5(id || 'e') || '/' || md5(id || 'f'))
      )])]
    ))::VARCHAR END AS cardData,
    list_transform(range(coalesce(files, 0)), k -> struct_pack(rfilename := CASE
      WHEN k = 0 THEN '.gitattributes'
      WHEN k = 1 THEN 'README.md'
      WHEN k = 2 THEN 'config.json'
      WHEN gguf_total IS NOT NULL THEN ${name} || '.' || ['Q2_K', 'Q3_K_M', 'Q4_K_M', 'Q4_0', 'Q5_K_M', 'Q6_K', 'Q8_0', 'IQ4_XS', 'f16'][1 + k % 9] || '.gguf'
      WHEN k % 5 = 4 THEN 'checkpoint-' || (k * 500)::VARCHAR || '/optimizer-' || substr(md5(id || k::VARCHAR), 1, 8) || '.pt'
      ELSE 'model-' || lpad((k - 2)::VARCHAR, 5, '0') || '-of-' || lpad((files - 3)::VARCHAR, 5, '0') || '.safetensors'
    END)) AS siblings,
    CASE WHEN arch IS NULL THEN NULL ELSE struct_pack(auto_model := 'AutoModelForCausalLM', pipeline_tag := pipeline_tag, processor := 'AutoTokenizer') END AS transformersInfo,
    gated
  FROM raw
) TO ${quote(out)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`;
}
