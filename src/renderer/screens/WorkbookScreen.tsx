import type { Workbook } from '../../core/model';
import { DepartmentCard } from './DepartmentCard';
import { PriorYearCard } from './PriorYearCard';
import { UnitsCard } from './UnitsCard';

export function WorkbookScreen({ workbook }: { workbook: Workbook }) {
  return (
    <main className="workbook-screen">
      <DepartmentCard department={workbook.department} />
      <UnitsCard units={workbook.units} />
      <PriorYearCard priorYear={workbook.priorYear} year={workbook.department.year} />
    </main>
  );
}
