/**
 * The delivery-callback checks in plain words — what each proves (title), what a failure means
 * for the vendor, how to fix it — and the tester's HTML report. The app page, the report and the
 * CLI (which prints both languages) read them from here. ICU MessageFormat: literal braces and
 * `<` are quoted ('{'). Chinese first.
 */
import type { Translation } from '../translation';

const zhCN = {
  checks: {
    'token-accepted': {
      title: '正确签名的开通请求被接受',
      means:
        '云市场带正确 token 调用 createInstance，接口没有给出带 instanceId 的 JSON：买家付款后无法开通。',
      fix: "按规范计算 token：除 token 外的全部参数按名称排序，用解码后的值拼成 name=value 并以 & 连接，末尾加 &key=服务商密钥，取 UTF-8 字节的小写 MD5；并返回 JSON '{'\"instanceId\": …'}'。",
    },
    'token-rejected': {
      title: '错误 token 被拒绝',
      means: '接口不校验 token：任何人都能伪造请求开通账号。',
      fix: "先校验 token，不一致时返回非 2xx 状态或 '{'\"success\": false'}'，不要创建实例。",
    },
    'create-fast': {
      title: 'createInstance 及时应答',
      means: '开通请求阻塞过久：云市场判为失败并重试，最多 200 次，之后需在服务商后台手工重置实例。',
      fix: '立即应答 instanceId 0，在后台完成交付；云市场重试时再返回真实的 instanceId。',
    },
    'create-queued-completes': {
      title: '排队的开通最终完成',
      means: '接口一直应答 instanceId 0：重试 200 次后云市场放弃，订单无法交付。',
      fix: '后台交付完成后，对同一 orderBizId 的重试返回非 0 的 instanceId。',
    },
    'create-shape': {
      title: '开通应答内容完整',
      means: '应答缺少 instanceId 或 appInfo 的访问地址：买家拿不到使用入口。',
      fix: '返回 \'{\'"instanceId": 非 0, "appInfo": \'{\'"frontEndUrl" 或 "adminUrl", 用户名、密码…\'}}\'。',
    },
    'create-idempotent': {
      title: '重复的开通请求不重复开通',
      means: '同一 orderBizId 的重复调用创建了第二个实例：重试会产生重复实例。',
      fix: '按 orderBizId 去重：已开通过就返回原来的 instanceId（推荐 instanceId 直接使用 orderBizId）。',
    },
    'per-unit-instances': {
      title: '按数量购买时每份一个实例',
      means: '同一订单的不同 orderBizId 得到同一个实例：买家买了 2 份只得到 1 份。',
      fix: '以 orderBizId（而不是 orderId）作为实例的唯一键。',
    },
    renew: {
      title: '续费',
      means: 'renewInstance 未返回 success true：续费后实例不会延期，云市场会重试。',
      fix: "按 instanceId 延长到期时间 expiredOn，返回 '{'\"success\": true'}'。",
    },
    upgrade: {
      title: '升级',
      means: 'upgradeInstance 未返回 success true：买家升级规格后没有生效。',
      fix: "按 instanceId 切换到新的 skuId，返回 '{'\"success\": true'}'。",
    },
    dilate: {
      title: '扩容',
      means: 'dilateInstance 未返回 success true：买家增加的账号数没有生效。',
      fix: "按 instanceId 调整 accountNum，返回 '{'\"success\": true'}'。",
    },
    expired: {
      title: '到期',
      means: 'expiredInstance 未返回 success true：到期的实例没有停用，云市场会重试。',
      fix: "停用该实例（保留数据），返回 '{'\"success\": true'}'。",
    },
    release: {
      title: '释放',
      means: 'releaseInstance 未返回 success true：退款后的实例没有释放，云市场会重试。',
      fix: "释放该实例的资源，返回 '{'\"success\": true'}'；已释放的再次调用也返回 true。",
    },
  },
  report: {
    title: '交付回调测试报告',
    endpoint: '端点',
    started: '开始时间',
    finished: '结束时间',
    limits: '应答时限 {timeoutMs} ms · 重试间隔 {retryMs} ms',
    summary: '通过 {pass} · 未通过 {fail} · 跳过 {skip}',
    status: {
      pass: '通过',
      fail: '未通过',
      skip: '跳过',
    },
    means: '影响',
    fix: '修复',
    calls: '请求与应答',
    noAnswer: '无应答',
    masked: '密钥与 token 已隐去。',
    unreachable: '端点不可达，未判定任何检查：',
  },
};

const en: Translation<typeof zhCN> = {
  checks: {
    'token-accepted': {
      title: 'A correctly signed createInstance is accepted',
      means:
        'The marketplace called createInstance with a correct token and got no JSON with an instanceId: paid orders cannot be delivered.',
      fix: "Compute the token as the spec says: every parameter except token, sorted by name, joined as name=value with & using the decoded values, then &key='<'vendor key>; lower-case hex MD5 of the UTF-8 bytes. Answer JSON '{'\"instanceId\": …'}'.",
    },
    'token-rejected': {
      title: 'A wrong token is refused',
      means: 'The endpoint does not verify the token: anyone can forge calls and provision accounts.',
      fix: "Verify the token first; on a mismatch answer a non-2xx status or '{'\"success\": false'}' and create nothing.",
    },
    'create-fast': {
      title: 'createInstance answers at once',
      means:
        'The call blocks: the marketplace counts it as failed and retries up to 200 times, after which the instance must be reset by hand in the vendor console.',
      fix: 'Answer instanceId 0 at once and deliver in the background; answer the real instanceId when the marketplace calls again.',
    },
    'create-queued-completes': {
      title: 'A queued delivery completes',
      means:
        'The endpoint keeps answering instanceId 0: after 200 retries the marketplace gives up and the order is never delivered.',
      fix: 'When the background delivery is done, answer the retry of the same orderBizId with the non-zero instanceId.',
    },
    'create-shape': {
      title: 'The createInstance answer is complete',
      means: 'The answer lacks the instanceId or the appInfo URLs: the buyer gets no way in.',
      fix: 'Answer \'{\'"instanceId": non-zero, "appInfo": \'{\'"frontEndUrl" or "adminUrl", username, password…\'}}\'.',
    },
    'create-idempotent': {
      title: 'A repeated createInstance does not deliver twice',
      means: 'Calling again with the same orderBizId created a second instance: retries create duplicates.',
      fix: 'De-duplicate by orderBizId: when it was delivered already, answer the same instanceId (the recommended instanceId is the orderBizId itself).',
    },
    'per-unit-instances': {
      title: 'One instance per unit bought',
      means: 'Different orderBizIds of one order got the same instance: a buyer of 2 units gets 1.',
      fix: 'Key instances by orderBizId, not by orderId.',
    },
    renew: {
      title: 'Renew',
      means:
        'renewInstance did not answer success true: the instance is not extended and the marketplace retries.',
      fix: "Extend the instance to the new expiredOn and answer '{'\"success\": true'}'.",
    },
    upgrade: {
      title: 'Upgrade',
      means: 'upgradeInstance did not answer success true: the buyer’s upgrade does not take effect.',
      fix: "Switch the instance to the new skuId and answer '{'\"success\": true'}'.",
    },
    dilate: {
      title: 'Add capacity',
      means: 'dilateInstance did not answer success true: the added accounts do not take effect.',
      fix: "Apply the new accountNum to the instance and answer '{'\"success\": true'}'.",
    },
    expired: {
      title: 'Expire',
      means:
        'expiredInstance did not answer success true: the expired instance stays active and the marketplace retries.',
      fix: "Suspend the instance (keep its data) and answer '{'\"success\": true'}'.",
    },
    release: {
      title: 'Release',
      means:
        'releaseInstance did not answer success true: the refunded instance is not released and the marketplace retries.',
      fix: "Release the instance and answer '{'\"success\": true'}', also when it was released already.",
    },
  },
  report: {
    title: 'Delivery-callback test report',
    endpoint: 'Endpoint',
    started: 'Started',
    finished: 'Finished',
    limits: 'answer limit {timeoutMs} ms · retry interval {retryMs} ms',
    summary: 'pass {pass} · fail {fail} · skip {skip}',
    status: {
      pass: 'pass',
      fail: 'fail',
      skip: 'skip',
    },
    means: 'What it means',
    fix: 'Fix',
    calls: 'Calls and answers',
    noAnswer: 'no answer',
    masked: 'The key and tokens are masked.',
    unreachable: 'The endpoint was unreachable; no check was judged: ',
  },
};

export default { 'zh-CN': zhCN, en };
