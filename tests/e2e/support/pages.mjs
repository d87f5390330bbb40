// One address of every kind of page, the widget included, for checks that hold on all of them.
export const EVERY_PAGE = [
  '#/',
  '#/policies',
  '#/policies/mh-2023-6',
  '#/search?q=%E5%B1%85%E4%BD%8F%E8%AF%81',
  '#/guide',
  '#/guide/check?birth=2020-10-01',
  '#/clusters',
  '#/lookup?q=%E4%B8%83%E5%AE%9D',
  '#/sources',
  '#/embed',
  '#/no-such-page',
  '?embed=1&view=lookup#/lookup',
];
