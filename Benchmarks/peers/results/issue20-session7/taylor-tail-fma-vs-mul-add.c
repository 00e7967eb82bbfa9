#include <mpfr.h>
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_PROCESS_CPUTIME_ID,&t);return t.tv_sec+1e-9*t.tv_nsec;}
int main(int argc,char**argv){
  int precs[]={63,127,191,256,320,384,448,512};
  int N=100, R=20000;
  for(int pi=0;pi<8;pi++){int p=precs[pi];
    mpfr_t a[100],b[100],acc,tmp; for(int i=0;i<N;i++){mpfr_init2(a[i],p);mpfr_init2(b[i],p);mpfr_set_d(a[i],(i+1)*0.37/(i+3),MPFR_RNDN);mpfr_set_d(b[i],(i%7-3)*0.11/(i+2),MPFR_RNDN);mpfr_div_ui(a[i],a[i],3,MPFR_RNDN);mpfr_div_ui(b[i],b[i],7,MPFR_RNDN);}
    mpfr_init2(acc,p);mpfr_init2(tmp,p);
    double best1=1e9,best2=1e9;
    for(int rep=0;rep<5;rep++){
    double t0=now();
    for(int r=0;r<R;r++){mpfr_set_zero(acc,1);for(int i=0;i<N;i++){mpfr_mul(tmp,a[i],b[N-1-i],MPFR_RNDN);mpfr_add(acc,acc,tmp,MPFR_RNDN);}}
    double t1=now();
    for(int r=0;r<R;r++){mpfr_set_zero(acc,1);for(int i=0;i<N;i++){mpfr_fma(acc,a[i],b[N-1-i],acc,MPFR_RNDN);}}
    double t2=now();
    if(t1-t0<best1)best1=t1-t0; if(t2-t1<best2)best2=t2-t1;}
    printf("%d bits: mul+add %.1f ns/term, fma %.1f ns/term, ratio %.3f\n",p,best1/(N*R)*1e9,best2/(N*R)*1e9,best2/best1);
  }
}
